"""The registry in the Django admin: for system administrators correcting it by hand.
Saves go through the services so derived fields (body paths) stay right and changes are audited."""

from django.contrib import admin

from esep.police.models import Assignment, Officer, PoliceBody, PolicePoint, Precinct, StateAgency, StreetRange
from esep.police.services import body_save


@admin.register(PoliceBody)
class PoliceBodyAdmin(admin.ModelAdmin):
    list_display = ["name_ru", "name_kk", "level", "territory", "parent"]
    list_filter = ["level"]
    search_fields = ["name_kk", "name_ru", "name_en", "territory__kato"]
    raw_id_fields = ["territory", "parent"]
    readonly_fields = ["path"]

    def save_model(self, request, obj, form, change):
        body_save(body=obj, actor=request.user)


class StreetRangeInline(admin.TabularInline):
    model = StreetRange
    raw_id_fields = ["settlement"]
    extra = 0


class AssignmentInline(admin.TabularInline):
    model = Assignment
    raw_id_fields = ["officer"]
    extra = 0


@admin.register(Precinct)
class PrecinctAdmin(admin.ModelAdmin):
    list_display = ["number", "name_ru", "body"]
    search_fields = ["number", "name_kk", "name_ru", "body__name_ru"]
    raw_id_fields = ["body", "point"]
    filter_horizontal = []
    autocomplete_fields = ["settlements"]
    inlines = [StreetRangeInline, AssignmentInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("body")


@admin.register(PolicePoint)
class PolicePointAdmin(admin.ModelAdmin):
    list_display = ["name_ru", "body", "address_ru"]
    search_fields = ["name_ru", "name_kk", "address_ru"]
    raw_id_fields = ["body"]


@admin.register(Officer)
class OfficerAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "patronymic", "rank", "position", "body", "is_active"]
    list_filter = ["position", "rank", "is_active"]
    search_fields = ["last_name", "first_name"]
    raw_id_fields = ["body"]
    inlines = [AssignmentInline]


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["officer", "precinct", "kind", "start", "end"]
    list_filter = ["kind"]
    raw_id_fields = ["officer", "precinct"]


@admin.register(StateAgency)
class StateAgencyAdmin(admin.ModelAdmin):
    list_display = ["name_ru", "kind", "territory", "email"]
    list_filter = ["kind"]
    search_fields = ["name_ru", "name_kk"]
    raw_id_fields = ["territory"]
