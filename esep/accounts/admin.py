from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from esep.accounts.models import RoleAssignment, User


class RoleInline(admin.TabularInline):
    model = RoleAssignment
    fk_name = "user"
    raw_id_fields = ["body", "territory", "officer"]
    extra = 0


@admin.register(User)
class EsepUserAdmin(UserAdmin):
    inlines = [RoleInline]
    fieldsets = (*UserAdmin.fieldsets, ("Esep", {"fields": ("patronymic", "preferred_language")}))
