"""Pagination of every list: ``?limit=&offset=``, bounded so that no number a client sends reaches the
database as an overflowing integer."""

from rest_framework import pagination

MAX_OFFSET = 10**9


class LimitOffsetPagination(pagination.LimitOffsetPagination):
    max_limit = 500

    def get_offset(self, request) -> int:
        return min(super().get_offset(request), MAX_OFFSET)
