"""Request body parsers: JSON nested deeper than Python can read is a 400, not a server error; a body larger
than the parser's ``max_bytes`` is a 413 before any of it is parsed (DRF reads the raw stream, so Django's
DATA_UPLOAD_MAX_MEMORY_SIZE alone does not bound it)."""

import io

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import parsers, status
from rest_framework.exceptions import APIException, ParseError


class BodyTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "too_large"


class JSONParser(parsers.JSONParser):
    max_bytes: int | None = None

    def limit(self) -> int:
        return self.max_bytes or settings.DATA_UPLOAD_MAX_MEMORY_SIZE

    def parse(self, stream, media_type=None, parser_context=None):
        limit = self.limit()
        body = stream.read(limit + 1) if stream is not None else b""
        if len(body) > limit:
            raise BodyTooLarge(
                _("The request body is larger than %(limit)s kB; send less.") % {"limit": limit // 1024}
            )
        try:
            return super().parse(io.BytesIO(body), media_type, parser_context)
        except RecursionError:
            raise ParseError(_("The JSON is nested too deeply.")) from None


class SmallJSONParser(JSONParser):
    """For endpoints that compute over the body (compliance/evaluate): a real description is a few kB."""

    @property
    def max_bytes(self) -> int:
        return settings.ESEP_API_EVALUATE_MAX_BYTES
