from django.contrib import admin

from esep.law.models import CalendarDay
from esep.law.services import calendar_day_delete, calendar_day_save


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    """Staff keep the calendar here: each year's transfers of days off and the date of Kurban Ait."""

    list_display = ("date", "kind", "name_kk", "name_ru", "source")
    list_filter = ("kind",)
    date_hierarchy = "date"
    search_fields = ("name_kk", "name_ru", "name_en", "source")

    def save_model(self, request, obj, form, change):
        calendar_day_save(day=obj, actor=request.user)

    def delete_model(self, request, obj):
        calendar_day_delete(day=obj, actor=request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            calendar_day_delete(day=obj, actor=request.user)
