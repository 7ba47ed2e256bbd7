from django import template

from esep.core.i18n import localized

register = template.Library()


@register.simple_tag(takes_context=True)
def staff_menu_items(context):
    """The staff menu entries the signed-in user can use."""
    from esep.core.staff import staff_menu

    request = context.get("request")
    return staff_menu(getattr(request, "user", None))


@register.filter
def local(obj, field: str) -> str:
    """{{ obj|local:"address" }}: the field in the active language, with fallback."""
    return localized(obj, field)
