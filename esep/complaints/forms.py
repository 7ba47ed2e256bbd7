"""Forms only parse input; the services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from esep.complaints.models import ComplaintSource, Measure, Outcome

ENTERED_SOURCES = [(v, label) for v, label in ComplaintSource.choices if v in ("letter", "staff", "national")]


class OfficerChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name} · {obj.get_position_display()} · {obj.body}"


class ComplaintCreateForm(forms.Form):
    body = forms.ModelChoiceField(label=_("Police body"), queryset=None)
    officers = OfficerChoiceField(label=_("Officers the complaint is about"), queryset=None)
    precinct = forms.ModelChoiceField(label=_("Precinct"), queryset=None, required=False)
    source = forms.ChoiceField(label=_("Source"), choices=ENTERED_SOURCES)
    received_on = forms.DateField(label=_("Received"), widget=forms.DateInput(attrs={"type": "date"}))
    text = forms.CharField(
        label=_("Text of the complaint"), widget=forms.Textarea(attrs={"rows": 6}), max_length=10_000
    )
    applicant_name = forms.CharField(label=_("Applicant"), max_length=200, required=False)
    applicant_contact = forms.CharField(label=_("Contact"), max_length=200, required=False)
    contact_consent = forms.BooleanField(label=_("Consent to be contacted"), required=False)
    external_id = forms.CharField(label=_("Number in the national appeals system"), max_length=80, required=False)

    def __init__(self, *args, bodies, officers, precincts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies
        self.fields["officers"].queryset = officers
        self.fields["precinct"].queryset = precincts


class FromAppealForm(forms.Form):
    officers = OfficerChoiceField(label=_("Officers the complaint is about"), queryset=None)

    def __init__(self, *args, officers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officers"].queryset = officers


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    measures = forms.ChoiceField(label=_("Measures taken"), choices=Measure.choices)
    decision_number = forms.CharField(label=_("Document number"), max_length=60)
    decision_date = forms.DateField(label=_("Document date"), widget=forms.DateInput(attrs={"type": "date"}))
    answer_text = forms.CharField(
        label=_("Answer to the applicant"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10_000,
        required=False,
        help_text=_("Left empty: the applicant is told the outcome and the document's number and date."),
    )


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"))
