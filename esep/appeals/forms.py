"""Forms only parse input; the services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from esep.appeals.models import AppealKind
from esep.core.collation import collation_key
from esep.police.models import Competence, Subject


class HoneypotMixin(forms.Form):
    # Left empty by people; filled by bots, which are then refused.
    website = forms.CharField(required=False, label=_("Leave this field empty"), max_length=200)

    def clean(self):
        # A form-wide error: the field itself is hidden, so its own error would not be seen.
        data = super().clean()
        if data.get("website"):
            self.add_error(None, _("This form could not be accepted."))
        return data


class AgencyReplyForm(HoneypotMixin):
    text = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 8}), max_length=10_000)
    measures = forms.CharField(
        label=_("Measures taken"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5_000, required=False
    )
    number = forms.CharField(label=_("Outgoing number and date"), max_length=60, required=False)
    name = forms.CharField(label=_("Name and position of the person answering"), max_length=200)


class WithdrawConsentForm(HoneypotMixin):
    """Withdrawal of consent by a tracking code (Law on personal data art. 8)."""

    code = forms.CharField(
        label=_("Tracking code of your question or appeal"),
        max_length=40,
        widget=forms.TextInput({"autocomplete": "off"}),
    )
    confirm = forms.BooleanField(
        label=_("I withdraw my consent: delete my contact (and the name I gave with a question) now."),
        required=True,
        error_messages={"required": _("Tick the box to confirm that you withdraw your consent.")},
    )


class AnswerForm(forms.Form):
    text = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 6}), max_length=10_000)
    measures = forms.CharField(
        label=_("Measures taken"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5_000, required=False
    )
    language = forms.ChoiceField(label=_("Language of the answer"), choices=[("kk", "Қазақша"), ("ru", "Русский")])
    appeal_rights = forms.CharField(
        label=_("Right to appeal (empty: the standard wording)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2_000,
        required=False,
    )


class ExtendForm(forms.Form):
    until = forms.DateField(label=_("Extend until"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2_000)
    decided_by = forms.CharField(label=_("Decision of (head or deputy)"), max_length=200, required=False)


class ForwardForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Competent body"), queryset=None, required=False)

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["agency"]
        field.queryset = agencies.select_related("territory")
        # The nearest territory first, then by name in the alphabet of the page's language (issue 8).
        choices = list(field.choices)
        blank = [c for c in choices if c[0] == ""]
        rest = [c for c in choices if c[0] != ""]
        rest.sort(key=lambda c: (-int(c[0].instance.territory.kato), collation_key(c[1])))
        field.choices = blank + rest


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2_000)


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2_000, required=False)


class CrimeRegisterForm(forms.Form):
    register_number = forms.CharField(label=_("Crime register number"), max_length=60)


class AppealCreateForm(forms.Form):
    body = forms.ModelChoiceField(label=_("Police body"), queryset=None)
    kind = forms.ChoiceField(label=_("Kind"), choices=AppealKind.choices)
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 6}), max_length=10_000)
    subject = forms.ChoiceField(label=_("Subject"), choices=Subject.choices)
    competence = forms.ChoiceField(label=_("Competence"), choices=Competence.choices)
    applicant_name = forms.CharField(label=_("Applicant"), max_length=200, required=False)
    applicant_contact = forms.CharField(label=_("Email or mobile phone"), max_length=200, required=False)
    contact_consent = forms.BooleanField(
        label=_("The person agreed that the police keep this contact to tell them about the appeal"), required=False
    )
    language = forms.ChoiceField(label=_("Language of the appeal"), choices=[("kk", "Қазақша"), ("ru", "Русский")])

    def __init__(self, *args, bodies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies

    def clean(self):
        data = super().clean()
        if data.get("applicant_contact") and not data.get("contact_consent"):
            self.add_error("contact_consent", _("Without consent the contact cannot be kept."))
        return data


class AgencyAnswerForm(forms.Form):
    """The competent body's answer given from its own staff account (instead of the e-mailed link)."""

    text = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 8}), max_length=10_000)
    measures = forms.CharField(
        label=_("Measures taken"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5_000, required=False
    )
    number = forms.CharField(label=_("Outgoing number and date"), max_length=60, required=False)
    name = forms.CharField(label=_("Name and position of the person answering"), max_length=200)
