from django import template

from esep.core.i18n import localized

register = template.Library()


@register.simple_tag
def staff_menu_items():
    from esep.core.staff import staff_menu

    return staff_menu()


@register.filter
def local(obj, field: str) -> str:
    """{{ obj|local:"address" }}: the field in the active language, with fallback."""
    return localized(obj, field)
