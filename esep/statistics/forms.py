from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from esep.accounts.permissions import Action, restrict
from esep.police.models import Precinct


class PreventionForm(forms.Form):
    precinct = forms.ModelChoiceField(queryset=Precinct.objects.none(), label=_("Precinct"))
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    quarter = forms.TypedChoiceField(label=_("Quarter"), coerce=int, choices=[(q, q) for q in (1, 2, 3, 4)])
    visits = forms.IntegerField(label=_("door-to-door visits"), min_value=0, max_value=1_000_000)
    talks = forms.IntegerField(label=_("preventive talks"), min_value=0, max_value=1_000_000)
    protocols = forms.IntegerField(label=_("administrative protocols"), min_value=0, max_value=1_000_000)
    registered_persons = forms.IntegerField(label=_("persons on preventive register"), min_value=0, max_value=1_000_000)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["precinct"].queryset = (
            restrict(Precinct.objects.all(), user, Action.CHANGE)
            .select_related("body")
            .order_by("body__path", "number")
        )
