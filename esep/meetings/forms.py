"""Forms of meetings: they parse input only; services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from esep.core import uploads
from esep.meetings.models import InviteeCategory, MeetingFormat, MeetingKind
from esep.police.models import PoliceBody, Precinct
from esep.territory.models import Level, Territory

LANG_CHOICES = [("kk", "Қазақша"), ("ru", "Русский")]


class InvitationForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"), choices=InviteeCategory.choices)
    name = forms.CharField(label=_("Organisation or person"), max_length=300)
    email = forms.EmailField(label=_("Email (for a reply link)"), required=False)
    language = forms.ChoiceField(label=_("Language of the invitation"), choices=LANG_CHOICES)


class DoorForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    residence = forms.CharField(label=_("Settlement and address"), max_length=300)
    eligible = forms.BooleanField(
        label=_("The person declares being an adult resident, not found incapable by a court and not in prison"),
        required=False,
    )


class SheetForm(forms.Form):
    lines = forms.CharField(
        label=_('Paper sheet: one person per line, "Full name; settlement and address"'),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=100_000,
    )
    eligible = forms.BooleanField(
        label=_("Everyone on the sheet signed the eligibility declaration printed on it"), required=False
    )


class InvitationReplyForm(forms.Form):
    """An invitee's reply through the link in their email (no account)."""

    answer = forms.ChoiceField(
        choices=[("accept", "accept"), ("decline", "decline")],
        error_messages={
            "required": _("Choose whether you will attend."),
            "invalid_choice": _("Choose whether you will attend."),
        },
    )
    note = forms.CharField(label=_("Note (optional)"), max_length=500, required=False)
    website = forms.CharField(required=False, label=_("Leave this field empty"))  # honeypot


class SelfRegistrationForm(forms.Form):
    # The person's own name, address and contact: the browser may fill them in (WCAG 2.1 1.3.5).
    full_name = forms.CharField(label=_("Full name"), max_length=200, widget=forms.TextInput({"autocomplete": "name"}))
    residence = forms.CharField(
        label=_("Settlement and address"), max_length=300, widget=forms.TextInput({"autocomplete": "street-address"})
    )
    eligible = forms.BooleanField(
        label=_(
            "I am an adult resident of this territory, I have not been found incapable by a court and I am not "
            "serving a sentence in prison (Law on local state administration, art. 39-3 p.1)."
        ),
        required=False,
    )
    contact = forms.CharField(
        label=_("Phone or email (optional)"),
        max_length=200,
        required=False,
        widget=forms.TextInput({"autocomplete": "tel"}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the police body keeps my contact to tell me about this meeting's follow-up, for one "
            "year, without passing it to anyone else (Law on personal data, art. 8)."
        ),
        required=False,
    )
    website = forms.CharField(required=False, label=_("Leave this field empty"))  # honeypot


class VideoUploadForm(forms.Form):
    file = forms.FileField(label=_("Video file"))

    def clean_file(self):
        return uploads.check_video(self.cleaned_data.get("file"))


class VideoLinkForm(forms.Form):
    url = forms.URLField(label=_("Link to the recording"), max_length=500, assume_scheme="https")
    sha256 = forms.CharField(label=_("SHA-256 of the file"), max_length=64, min_length=64)


class AwardForm(forms.Form):
    recipient = forms.CharField(label=_("Recipient"), max_length=300)
    reason = forms.CharField(label=_("For what"), max_length=500)


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=1000)


class SummaryForm(forms.Form):
    summary_kk = forms.CharField(
        label=_("Summary in Kazakh"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000
    )
    summary_ru = forms.CharField(
        label=_("Summary in Russian"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000
    )
    summary_en = forms.CharField(
        label=_("Summary in English"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000, required=False
    )


def _place_label(place: Territory) -> str:
    # Many villages share a name: the district (or rural district) tells them apart.
    return f"{place.name} ({place.parent.name})" if place.parent_id else place.name


class PlanForm(forms.Form):
    """The plan of one report: where and how. The date is set at creation and moved by rescheduling.

    ``settlements`` are the places offered (those of the body's territory). The field accepts any settlement
    so that one of another territory reaches the service, which refuses it with a message naming both."""

    settlement = forms.ModelChoiceField(
        label=_("Settlement of the venue"),
        queryset=Territory.objects.filter(level__in=[Level.SETTLEMENT, Level.SUB_DISTRICT]),
        required=False,
    )
    venue_kk = forms.CharField(label=_("Venue (Kazakh)"), max_length=300, required=False)
    venue_ru = forms.CharField(label=_("Venue (Russian)"), max_length=300, required=False)
    format = forms.ChoiceField(label=_("Format"), choices=MeetingFormat.choices)
    online_url = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")
    venue_capacity = forms.IntegerField(label=_("Venue capacity"), required=False, min_value=1, max_value=100000)
    expected_attendance = forms.IntegerField(
        label=_("Expected attendance"), required=False, min_value=1, max_value=100000
    )

    def __init__(self, *args, settlements=None, **kwargs):
        super().__init__(*args, **kwargs)
        if settlements is not None:
            from esep.core.collation import sort_choices

            offered = [(t.pk, _place_label(t)) for t in settlements.select_related("parent")]
            self.fields["settlement"].choices = [("", "---------"), *sort_choices(offered)]


class MeetingCreateForm(PlanForm):
    kind = forms.ChoiceField(label=_("Kind of report"), choices=MeetingKind.choices)
    body = forms.ModelChoiceField(label=_("Police body"), queryset=PoliceBody.objects.none())
    precinct = forms.ModelChoiceField(
        label=_("Precinct (inspector's report)"), queryset=Precinct.objects.none(), required=False
    )
    date = forms.DateField(label=_("Date"), widget=forms.DateInput({"type": "date"}))
    time = forms.TimeField(label=_("Time"), widget=forms.TimeInput({"type": "time"}))

    field_order = ["kind", "body", "precinct", "date", "time"]

    def __init__(self, *args, bodies=None, precincts=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Left empty, the settlement of a report for one precinct is that precinct's (esep.workflows.scheduling).
        self.fields["settlement"].help_text = _("Left empty for a precinct's report: the precinct's settlement.")
        from esep.core.collation import sort_choices

        if bodies is not None:
            self.fields["body"].queryset = bodies
            self.fields["body"].choices = sort_choices(list(self.fields["body"].choices))
        if precincts is not None:
            self.fields["precinct"].queryset = precincts
            self.fields["precinct"].label_from_instance = lambda p: f"{p.body} · №{p.number} {p.name}"
            self.fields["precinct"].choices = sort_choices(list(self.fields["precinct"].choices))


class RescheduleForm(forms.Form):
    date = forms.DateField(label=_("New date"), widget=forms.DateInput({"type": "date"}))
    time = forms.TimeField(label=_("New time"), widget=forms.TimeInput({"type": "time"}))
    reason = forms.CharField(label=_("Reason for the move"), max_length=1000)
    late_reason = forms.CharField(
        label=_("Reason for the short notice (only if the new date is under the notice term)"),
        max_length=1000,
        required=False,
    )
