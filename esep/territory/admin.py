from django.contrib import admin

from esep.territory.models import Boundary, DataSource, Place, Territory


@admin.register(Territory)
class TerritoryAdmin(admin.ModelAdmin):
    list_display = ["kato", "name_kk", "name_ru", "name_en", "level"]
    list_filter = ["level"]
    search_fields = ["kato", "name_kk", "name_ru", "name_en"]
    raw_id_fields = ["parent"]
    readonly_fields = ["prefix", "search_key"]


@admin.register(Boundary)
class BoundaryAdmin(admin.ModelAdmin):
    list_display = ["territory", "name_en", "admin_level"]
    list_filter = ["admin_level"]
    raw_id_fields = ["territory"]
    exclude = ["geometry"]


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["osm_id", "name", "name_kk", "name_ru", "place_type", "district", "settlement"]
    list_filter = ["place_type"]
    search_fields = ["name", "name_kk", "name_ru"]
    raw_id_fields = ["district", "settlement"]


@admin.register(DataSource)
class DataSourceAdmin(admin.ModelAdmin):
    list_display = ["title", "licence", "rows", "imported_at"]
    readonly_fields = ["sha256", "imported_at", "rows"]
