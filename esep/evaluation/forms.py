"""Forms only parse input; the service decides (esep.evaluation.services)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from esep.evaluation.models import Indicator
from esep.evaluation.services import MAX_MIN_SAMPLE, MAX_WEIGHT, NOTE_MAX


class CriteriaForm(forms.Form):
    """A weight and a minimum sample per indicator, the date the version comes into force, the council's note."""

    valid_from = forms.DateField(label=_("In force from"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(
        label=_("Decision of the council"),
        help_text=_("For example the number and date of the council's minutes."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=NOTE_MAX,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for value, label in Indicator.choices:
            self.fields[f"weight_{value}"] = forms.DecimalField(
                label=_("Weight: %(indicator)s") % {"indicator": label},
                min_value=0,
                max_value=MAX_WEIGHT,
                decimal_places=2,
                max_digits=6,
            )
            self.fields[f"min_{value}"] = forms.IntegerField(
                label=_("Minimum sample: %(indicator)s") % {"indicator": label},
                min_value=1,
                max_value=MAX_MIN_SAMPLE,
            )

    def indicator_fields(self):
        return [(label, self[f"weight_{value}"], self[f"min_{value}"]) for value, label in Indicator.choices]

    def criteria(self) -> dict[str, tuple]:
        d = self.cleaned_data
        return {v: (d[f"weight_{v}"], d[f"min_{v}"]) for v in Indicator.values}


def initial_from(criteria) -> dict:
    """The form filled with a version's criteria (esep.evaluation.indicators.Criteria)."""
    initial = {}
    for w in criteria.weights:
        initial[f"weight_{w.indicator}"] = w.weight
        initial[f"min_{w.indicator}"] = w.min_sample
    return initial
