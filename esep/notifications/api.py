"""REST endpoints of notifications, mounted under /api/v1/."""


def register(router) -> None:
    """Register this app's viewsets on the API router."""


urlpatterns: list = []
