from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from esep.accounts.views import admin_login
from esep.backoffice.urls import STAFF_APPS
from esep.public import media

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("esep.api.urls")),
    # Before admin.site.urls, so that the admin's login is limited like every other login.
    path("admin/login/", admin_login, name="admin-login"),
    path("admin/", admin.site.urls),
    path("", include("esep.ops.urls")),
]
urlpatterns += i18n_patterns(
    *[path(f"staff/{app}/", include(f"esep.{app}.urls_staff")) for app in STAFF_APPS],
    path("staff/feedback/", include("esep.feedback.urls_staff")),
    path("staff/ops/", include("esep.ops.urls_staff")),
    path("staff/accountability/", include("esep.accountability.urls_staff")),
    path("staff/statistics/", include("esep.statistics.urls_staff")),
    path("staff/reports/", include("esep.reports.urls_staff")),
    path("staff/evaluation/", include("esep.evaluation.urls_staff")),
    path("staff/", include("esep.backoffice.urls")),
    path("accounts/", include("esep.accounts.urls")),
    path("m/", include("esep.meetings.urls_public")),
    path("reports/", include("esep.reports.urls_public")),
    path("appeals/", include("esep.appeals.urls_public")),
    path("evaluation/", include("esep.evaluation.urls_public")),
    path("", include("esep.accountability.urls_public")),
    path("seal/", include("esep.protocols.urls_public")),
    path("", include("esep.public.urls")),
    prefix_default_language=True,
)
# Uploaded files go through the app in every mode, with access checks (esep.public.media, docs/security.md).
urlpatterns.append(path("media/<path:path>", media.serve, name="media"))

handler400 = "esep.core.views.bad_request"
handler404 = "esep.core.views.page_not_found"
handler500 = "esep.core.views.server_error"
