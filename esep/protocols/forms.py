"""Forms of the minutes: they parse input only; services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from esep.core import uploads
from esep.core.collation import sort_choices
from esep.police.models import Competence, StateAgency, Subject
from esep.protocols.models import ControlStatus, ItemKind


class ProtocolForm(forms.Form):
    started_at = forms.DateTimeField(
        label=_("Started at"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    ended_at = forms.DateTimeField(
        label=_("Ended at"), required=False, widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    place = forms.CharField(label=_("Place"), max_length=300)
    participants_override = forms.IntegerField(
        label=_("Number of participants, if it differs from the registration"), required=False, min_value=0
    )
    participants_override_reason = forms.CharField(label=_("Reason for the correction"), max_length=300, required=False)
    agenda = forms.CharField(label=_("Course of the report"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    language = forms.ChoiceField(label=_("Language of the minutes"), choices=[("kk", "Қазақша"), ("ru", "Русский")])


class ItemForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ItemKind.choices)
    text = forms.CharField(label=_("What was said"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
    person_name = forms.CharField(label=_("Full name of the person"), max_length=200, required=False)
    person_contact = forms.CharField(label=_("Phone or email"), max_length=200, required=False)
    contact_consent = forms.BooleanField(label=_("The person consents to be contacted about it"), required=False)
    answered_in_full = forms.BooleanField(label=_("Answered in full at the meeting"), required=False)
    answer = forms.CharField(label=_("Answer given"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    competence = forms.ChoiceField(label=_("Competence"), choices=Competence.choices)
    subject = forms.ChoiceField(label=_("Subject"), choices=Subject.choices)
    target_agency = forms.ModelChoiceField(
        label=_("Competent state body"), queryset=StateAgency.objects.none(), required=False
    )
    reporter = forms.ChoiceField(label=_("Inspector responsible"), required=False)

    def __init__(self, *args, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        if meeting is not None:
            self.fields["reporter"].choices = [("", "—")] + [
                (str(r.pk), r.officer.full_name) for r in meeting.reporters.select_related("officer")
            ]
            # State bodies of the meeting's region.
            region = meeting.body.territory.kato[:2]
            self.fields["target_agency"].queryset = StateAgency.objects.filter(territory__kato__startswith=region)
            self.fields["target_agency"].choices = sort_choices(list(self.fields["target_agency"].choices))


class DecisionForm(forms.Form):
    text = forms.CharField(label=_("Decision"), widget=forms.Textarea(attrs={"rows": 2}), max_length=5000)
    responsible = forms.CharField(label=_("Responsible"), max_length=300)
    due_date = forms.DateField(label=_("Due by"), widget=forms.DateInput(attrs={"type": "date"}))


class ControlForm(forms.Form):
    status = forms.ChoiceField(label=_("Execution"), choices=ControlStatus.choices)
    progress = forms.CharField(label=_("What was done"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    evidence = forms.FileField(label=_("Evidence"), required=False)

    def clean_evidence(self):
        return uploads.check_document(self.cleaned_data.get("evidence"))


class AddendumForm(forms.Form):
    text = forms.CharField(label=_("Correction"), widget=forms.Textarea(attrs={"rows": 3}), max_length=10000)
