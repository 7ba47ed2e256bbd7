"""Forms of the residents' side of accountability: they parse input only; services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from esep.accountability.models import FixAnswer
from esep.accountability.subscriptions import consent_text
from esep.questions.forms import NotAutomatedMixin, new_form_token

COMMENT_MAX = 1000


class TrackForm(forms.Form):
    code = forms.CharField(label=_("Tracking code"), max_length=40, widget=forms.TextInput({"autocomplete": "off"}))


class FollowForm(NotAutomatedMixin, forms.Form):
    email = forms.EmailField(label=_("Your e-mail"), max_length=254, widget=forms.EmailInput({"autocomplete": "email"}))
    consent = forms.BooleanField(label=_("I agree to the processing of my e-mail address as written above."))
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, operator: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.consent_text = consent_text(operator)
        if not self.is_bound:
            self.initial["started"] = new_form_token()


class FixForm(forms.Form):
    answer = forms.ChoiceField(label=_("Was the problem solved?"), choices=FixAnswer.choices, widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=COMMENT_MAX,
        widget=forms.Textarea({"rows": 3, "maxlength": COMMENT_MAX}),
        help_text=_("Shown publicly only after moderation, without your name."),
    )
