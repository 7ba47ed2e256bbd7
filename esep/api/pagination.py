"""Pagination of every list: ``?limit=&offset=``, bounded so that no number a client sends reaches the
database as an overflowing integer (a huge one is clamped). A limit or offset that is not one non-negative
integer (``limit=abc``, ``limit=1&limit=2``, ``offset=-5``) is a 400 naming the parameter, not silently
replaced by the default; the schema says so (minimum 0)."""

from django.utils.translation import gettext as _
from rest_framework import pagination

from esep.core.errors import EsepError

MAX_OFFSET = 10**9


def _one_integer(request, name: str) -> None:
    values = request.query_params.getlist(name)
    if not values:
        return
    value = values[0]
    if len(values) > 1 or not value.isascii() or not value.isdigit():
        message = _("Give %(name)s once, as a whole number of 0 or more.") % {"name": name}
        raise EsepError(message, fields={name: [message]})


class LimitOffsetPagination(pagination.LimitOffsetPagination):
    max_limit = 500

    def get_limit(self, request):
        _one_integer(request, self.limit_query_param)
        return super().get_limit(request)

    def get_offset(self, request) -> int:
        _one_integer(request, self.offset_query_param)
        return min(super().get_offset(request), MAX_OFFSET)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 0
        return parameters
