"""One error type (esep.core.errors.EsepError), one error format: whatever raises it, the API answers the same."""

from __future__ import annotations

import pytest

from esep.api.errors import exception_handler
from esep.appeals.services import AppealError
from esep.core.errors import EsepError
from esep.territory.importers import ImportRefused


@pytest.mark.parametrize(
    ("error", "status", "body"),
    [
        (
            EsepError("No such object.", code="not_found", status=404),
            404,
            {"error": {"code": "not_found", "message": "No such object."}},
        ),
        (
            EsepError("Bad date.", fields={"start": ["Bad date."]}),
            400,
            {"error": {"code": "invalid", "message": "Bad date.", "fields": {"start": ["Bad date."]}}},
        ),
        (
            AppealError("This appeal is already finished."),
            400,
            {"error": {"code": "invalid", "message": "This appeal is already finished."}},
        ),
        (ImportRefused("line 4: not UTF-8"), 400, {"error": {"code": "invalid", "message": "line 4: not UTF-8"}}),
    ],
    ids=["status-and-code", "fields", "appeals-guard", "import-refused"],
)
def test_every_esep_error_gets_the_one_format(error, status, body):
    response = exception_handler(error, {})
    assert (response.status_code, response.data) == (status, body)
    assert str(error) == body["error"]["message"]
