from django.urls import path

from esep.reports import views_public as v

app_name = "reports_public"

urlpatterns = [
    path("<str:code>/", v.report_page, name="report"),
    path("<str:code>/report-<str:lang>.pdf", v.report_pdf, name="pdf"),
    path("<str:code>/slides-<str:lang>.pdf", v.slides_pdf, name="slides"),
]
