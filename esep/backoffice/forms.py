from django import forms
from django.utils.translation import gettext_lazy as _

from esep.police.models import PolicePoint


class PrecinctForm(forms.Form):
    name_kk = forms.CharField(label=_("Name (Kazakh)"), max_length=300)
    name_ru = forms.CharField(label=_("Name (Russian)"), max_length=300)
    name_en = forms.CharField(label=_("Name (English)"), max_length=300, required=False)
    description_kk = forms.CharField(label=_("What it covers (Kazakh)"), widget=forms.Textarea, required=False,
                                     max_length=5000)  # fmt: skip
    description_ru = forms.CharField(label=_("What it covers (Russian)"), widget=forms.Textarea, required=False,
                                     max_length=5000)  # fmt: skip
    point = forms.ModelChoiceField(label=_("District police point"), queryset=PolicePoint.objects.none(),
                                   required=False)  # fmt: skip

    def __init__(self, *args, precinct, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["point"].queryset = PolicePoint.objects.filter(body=precinct.body)


class AssignmentForm(forms.Form):
    """A new assignment of an officer to a precinct: permanent, or acting (leave, vacancy)."""

    officer = forms.ModelChoiceField(label=_("Officer"), queryset=None)
    kind = forms.ChoiceField(label=_("Kind"), choices=())
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)

    def __init__(self, *args, officers, **kwargs):
        from esep.police.models import Assignment

        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = officers
        self.fields["kind"].choices = Assignment.Kind.choices


class AssignmentEndForm(forms.Form):
    assignment = forms.IntegerField(widget=forms.HiddenInput)
    end = forms.DateField(label=_("Last day"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=_("Reason"), max_length=200, required=False)


class CoverageForm(forms.Form):
    settlements = forms.ModelMultipleChoiceField(
        label=_("Settlements the precinct covers"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, places, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["settlements"].queryset = places
