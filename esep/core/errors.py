"""One error type for the whole project.

A service (or an API view) raises ``EsepError`` with a stable machine code, a message already translated for
the reader and, for bad input, the fields at fault. The API turns every EsepError into its one error format
(esep.api.errors.exception_handler):

    {"error": {"code": "invalid", "message": "...", "fields": {"field": ["..."]}}}

The kernel holds it so that domain code raises it without importing the API or DRF.
"""

from __future__ import annotations


class EsepError(Exception):
    """A refusal the user can act on: ``code`` for machines, ``message`` for people, ``status`` for HTTP."""

    code = "invalid"
    status = 400

    def __init__(
        self,
        message: str = "",
        *,
        code: str | None = None,
        fields: dict[str, list[str]] | None = None,
        status: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = str(message)
        if code:
            self.code = code
        if status:
            self.status = status
        self.fields = fields or {}

    def __str__(self) -> str:
        return self.message
