"""The residents' question form: size limits on every field, a honeypot, a signed start time for a minimum
fill time, one use per form, and no markup (nothing a resident typed is ever executed)."""

from __future__ import annotations

import re
import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from esep.core import once
from esep.questions import consent

TEXT_MAX = 2000
TEXT_MIN = 10
NAME_MAX = 150
CONTACT_MAX = 150
FORM_MAX_AGE = 2 * 3600
_SALT = "esep.questions.form"
_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?]|javascript:", re.IGNORECASE)
_PHONE = re.compile(r"^\+?[\d\s()\-]{6,20}$")


def min_fill_seconds() -> int:
    return settings.ESEP_QUESTION_MIN_FILL_SECONDS


def new_form_token() -> str:
    return signing.dumps({"t": int(time.time()), "n": secrets.token_hex(8)}, salt=_SALT)


class Rejected(Exception):
    """The submission looks automated or replayed: refuse it as a whole (400), store nothing."""


def _no_markup(value: str) -> str:
    if _MARKUP.search(value):
        raise forms.ValidationError(_("Remove HTML tags and scripts (text between < and >) and send again."))
    return value


class NotAutomatedMixin:
    """The anti-robot checks every public form shares: a honeypot field ``website`` and a signed start token
    ``started`` (minimum fill time, at most FORM_MAX_AGE old, used once). The form declares both fields.

    The view calls ``accept`` (``check_not_automated`` first, then, once the form is valid and right before
    saving, ``claim``): the token is spent atomically in the store all processes share (esep.core.once), so the same
    form sent twice at once, to two workers, is stored once. ``release`` gives the token back when the
    service then refuses to save.
    """

    once_purpose = "public-form"

    def check_not_automated(self) -> None:
        """Raise Rejected for a filled honeypot, a form sent too fast, too late or tampered with."""
        if self.data.get("website"):
            raise Rejected
        try:
            token = signing.loads(self.data.get("started", ""), salt=_SALT, max_age=FORM_MAX_AGE)
        except signing.BadSignature:
            raise Rejected from None
        if time.time() - token["t"] < min_fill_seconds():
            raise Rejected
        self._nonce = str(token["n"])[:32]

    def claim(self) -> None:
        """Spend this form's token; raise Rejected when it was already spent (a re-sent form)."""
        if not once.claim(self.once_purpose, self._nonce, ttl=FORM_MAX_AGE + 60):
            raise Rejected

    def release(self) -> None:
        once.release(self.once_purpose, self._nonce)

    def accept(self) -> bool:
        """The whole check in the order it must run: not automated, valid, and then the token spent
        atomically before anything is saved (a re-sent form is refused here). True when the form is valid;
        raises Rejected for an automated or replayed submission."""
        self.check_not_automated()
        valid = self.is_valid()
        if valid:
            self.claim()
        return valid


class QuestionForm(NotAutomatedMixin, forms.Form):
    text = forms.CharField(
        label=_("Your question or proposal"),
        min_length=TEXT_MIN,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": TEXT_MAX}),
        help_text=_("Up to 2000 characters. It is published only after the inspector accepts it, without your name."),
    )
    author_name = forms.CharField(
        label=_("Your name (optional)"),
        max_length=NAME_MAX,
        required=False,
        widget=forms.TextInput({"autocomplete": "name"}),
    )
    contact = forms.CharField(
        label=_("Phone or email for the answer (optional)"),
        max_length=CONTACT_MAX,
        required=False,
        widget=forms.TextInput({"autocomplete": "tel"}),
    )
    consent = forms.BooleanField(
        label=_("I agree to the processing of my personal data as written above."), required=False
    )
    # A field people never see: robots fill it.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, operator: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.operator = operator
        self.consent_text = consent.consent_text(operator)
        if not self.is_bound:
            self.initial["started"] = new_form_token()

    def clean_text(self) -> str:
        return _no_markup(self.cleaned_data["text"].strip())

    def clean_author_name(self) -> str:
        return _no_markup(self.cleaned_data["author_name"].strip())

    def clean_contact(self) -> str:
        value = _no_markup(self.cleaned_data["contact"].strip())
        if not value:
            return value
        if "@" in value:
            try:
                validate_email(value)
            except forms.ValidationError:
                raise forms.ValidationError(_("Enter a valid email address or phone number.")) from None
        elif not _PHONE.match(value):
            raise forms.ValidationError(_("Enter a valid email address or phone number."))
        return value

    def clean(self):
        data = super().clean()
        if (data.get("author_name") or data.get("contact")) and not data.get("consent"):
            self.add_error("consent", _("To leave your name or contact, agree to the processing of personal data."))
        return data


class StatusForm(forms.Form):
    code = forms.CharField(label=_("Tracking code"), max_length=40, widget=forms.TextInput({"autocomplete": "off"}))


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("Reason the author will read"), max_length=500, widget=forms.Textarea({"rows": 2}))


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Written answer"), max_length=5000, widget=forms.Textarea({"rows": 4}))


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Note (optional)"), max_length=2000, required=False)


class MergeForm(forms.Form):
    into = forms.IntegerField(label=_("Merge into question"))
