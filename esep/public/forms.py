"""Forms of the residents' side that read GET parameters (search, location, meeting filters)."""

from __future__ import annotations

from django import forms
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from esep.core.collation import place_key
from esep.core.pagecache import reference
from esep.territory.kato import kato_bounds
from esep.territory.models import Level, Territory


class LocationForm(forms.Form):
    lat = forms.FloatField(min_value=40.0, max_value=56.0, label=_("Latitude"))
    lon = forms.FloatField(min_value=46.0, max_value=88.0, label=_("Longitude"))


class KeptOptionsSelect(forms.Select):
    """Django's Select with the same markup, whose options are written once per list of choices and kept
    with it (esep.core.pagecache.reference under ``options_key``): a filter of 20 regions or 200 districts
    costs a string join per page, not a template rendering per option (about 3 ms)."""

    options_key: tuple = ()

    def _options(self) -> list[tuple[str, str, str]]:
        return [
            (value, f'\n  <option value="{escape(value)}"', f">{conditional_escape(str(label))}</option>\n")
            for value, label in ((str(v), label) for v, label in self.choices)
        ]

    def render(self, name, value, attrs=None, renderer=None):
        if not self.options_key:
            return super().render(name, value, attrs, renderer)
        options = reference(f"{self.options_key[0]}:html", self._options, *self.options_key[1:])
        chosen = set(self.format_value(value))
        parts = [f'<select name="{escape(name)}"']
        for attr, attr_value in self.build_attrs(self.attrs, attrs).items():
            if attr_value is True:
                parts.append(f" {attr}")
            elif attr_value is not False:
                parts.append(f' {attr}="{escape(str(attr_value))}"')
        parts.append(">")
        for option_value, start, end in options:
            parts += (start, " selected" if option_value in chosen else "", end)
            if option_value in chosen:
                chosen = set()  # only the first match, as Django's Select
        parts.append("\n</select>")
        return mark_safe("".join(parts))


class RegionChoiceField(forms.ModelChoiceField):
    widget = KeptOptionsSelect

    def label_from_instance(self, obj: Territory) -> str:
        return obj.name


class MeetingFilterForm(forms.Form):
    region = RegionChoiceField(
        queryset=Territory.objects.filter(level=Level.OBLAST).order_by("name_kk"),
        to_field_name="kato",
        required=False,
        label=_("Region"),
        empty_label=_("All regions"),
    )
    district = RegionChoiceField(
        queryset=Territory.objects.none(),
        to_field_name="kato",
        required=False,
        label=_("District"),
        empty_label=_("All districts"),
    )
    date_from = forms.DateField(required=False, label=_("From"), widget=forms.DateInput({"type": "date"}))
    date_to = forms.DateField(required=False, label=_("To"), widget=forms.DateInput({"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        region_code = (self.data.get("region") or "")[:9] if self.is_bound else ""
        districts = Territory.objects.filter(level=Level.DISTRICT)
        if region_code:
            self.fields["district"].queryset = districts.filter(kato__range=kato_bounds(region_code[:2]))
        else:
            self.fields["district"].queryset = districts.none()
            self.fields["district"].widget.attrs["disabled"] = "disabled"
            self.fields["district"].help_text = _("Choose a region first.")
        # Choices in the alphabet of the page's language (esep.core.collation), kept per process with the
        # public version (esep.core.pagecache.reference); validation uses the queryset.
        for name in ("region", "district"):
            field = self.fields[name]
            key = region_code[:2] if name == "district" else ""
            field.choices = reference(f"filter-{name}", lambda f=field: sort_choices_places(list(f.choices)), key)
            field.widget.options_key = (f"filter-{name}", key)

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("The end date is before the start date."))
        return data


def sort_choices_places(choices: list) -> list:
    blank = [c for c in choices if c[0] in ("", None)]
    rest = [c for c in choices if c[0] not in ("", None)]
    return blank + sorted(rest, key=lambda c: place_key(str(c[1])))
