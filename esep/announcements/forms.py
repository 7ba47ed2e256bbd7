from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from esep.announcements.models import Channel
from esep.core import uploads


class PublishForm(forms.Form):
    late_reason = forms.CharField(
        label=_("Reason for publishing late"),
        required=False,
        max_length=2000,
        widget=forms.Textarea({"rows": 3}),
        help_text=_("Needed only when the meeting is closer than the notice term; it is recorded as a finding."),
    )


class ChannelForm(forms.Form):
    channel = forms.ChoiceField(label=_("Channel"), choices=[c for c in Channel.choices if c[0] != Channel.WEBSITE])
    date = forms.DateField(label=_("Date"), widget=forms.DateInput({"type": "date"}))
    url = forms.URLField(label=_("Link"), required=False, max_length=500, assume_scheme="https")
    scan = forms.FileField(label=_("Scan or photo (PDF, JPEG, PNG, up to 2 MB)"), required=False)
    note = forms.CharField(label=_("Note"), required=False, max_length=300)

    def clean_scan(self):
        return uploads.check_document(self.cleaned_data.get("scan"))

    def clean(self):
        data = super().clean()
        if not data.get("url") and not data.get("scan") and not self.errors:
            raise forms.ValidationError(_("Attach the proof: a link or a scan."))
        return data
