from django.contrib import admin

from esep.meetings.models import Meeting, MeetingReporter


class ReporterInline(admin.TabularInline):
    model = MeetingReporter
    raw_id_fields = ["officer", "precinct"]
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["starts_at", "kind", "body", "status"]
    list_filter = ["kind", "status"]
    raw_id_fields = ["body", "settlement"]
    filter_horizontal = []
    autocomplete_fields = []
    exclude = ["precincts"]
    inlines = [ReporterInline]
