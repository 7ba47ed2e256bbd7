"""The rating form: a score, an optional "was your question answered", an optional comment. No name or
contact. Honeypot and signed start time as every public form (esep.questions.forms.NotAutomatedMixin)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from esep.feedback.models import SCORE_MAX, SCORE_MIN, Answered
from esep.feedback.services import COMMENT_MAX
from esep.questions.forms import NotAutomatedMixin, _no_markup, new_form_token

SCORES = [(str(n), str(n)) for n in range(SCORE_MAX, SCORE_MIN - 1, -1)]


class RatingForm(NotAutomatedMixin, forms.Form):
    score = forms.TypedChoiceField(
        label=_("How useful was this report to you?"),
        help_text=_("5 is very useful, 1 is not useful at all."),
        choices=SCORES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    answered = forms.ChoiceField(
        label=_("Was your question answered? (optional)"),
        choices=[("", "—"), *Answered.choices],
        required=False,
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        max_length=COMMENT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": COMMENT_MAX}),
        help_text=_("Up to 1000 characters. Published only after moderation. Do not write names or phone numbers."),
    )
    # A field people never see: robots fill it.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["started"] = new_form_token()

    def clean_comment(self) -> str:
        return _no_markup(self.cleaned_data["comment"].strip())
