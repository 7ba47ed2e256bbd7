"""Finding messages and labels, with English msgids translated into Kazakh and Russian through gettext.

A finding carries its message in all three languages at once (staff, residents and oversight read different
ones), so each template is looked up per language and kept for the life of the process.
"""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext, gettext_noop

LANGS = ("kk", "ru", "en")

MESSAGES: dict[str, str] = {
    "report.outside_period": gettext_noop(
        "The report was held on %(date)s, outside its period: %(period)s (%(citation)s)."
    ),
    "report.missing": gettext_noop("No report was held for %(period)s; it was due by %(due)s (%(citation)s)."),
    "report.late": gettext_noop("The report for %(period)s was held late, on %(date)s (%(citation)s)."),
    "rule.unknown": gettext_noop(
        "No version of the rule %(rule)s is known for %(date)s, so this requirement could not be checked."
    ),
    "format.not_allowed": gettext_noop(
        "The report was held %(format)s; the rules of its date require an in-person report (%(citation)s)."
    ),
    "notice.missing": gettext_noop(
        "The meeting was not announced; the announcement was due by %(due)s (%(citation)s)."
    ),
    "notice.late": gettext_noop(
        "Announced %(days)s days before the meeting; at least %(required)s days are required (%(citation)s)."
    ),
    "notice.time_missing": gettext_noop("The announcement does not state the time (%(citation)s)."),
    "notice.place_missing": gettext_noop("The announcement does not state the place (%(citation)s)."),
    "notice.schedule_missing": gettext_noop("The announcement does not give the schedule (%(citation)s)."),
    "notice.questions_channel_missing": gettext_noop(
        "The announcement does not say how to send questions in advance (%(citation)s)."
    ),
    "notice.channel_missing": gettext_noop(
        "The announcement was not published through the channels the rules name: %(channels)s (%(citation)s)."
    ),
    "venue.capacity_below_expected": gettext_noop(
        "The venue holds %(capacity)s people but %(expected)s are expected (%(citation)s)."
    ),
    "venue.capacity_unknown": gettext_noop(
        "The venue capacity or the expected attendance is not given, so the venue cannot be checked (%(citation)s)."
    ),
    "venue.over_capacity": gettext_noop("%(actual)s people came to a venue for %(capacity)s (%(citation)s)."),
    "invitees.missing": gettext_noop("Not invited: %(missing)s (%(citation)s)."),
    "participants.missing": gettext_noop("Did not take part: %(missing)s (%(citation)s)."),
    "participants.not_invited": gettext_noop("Not invited: %(missing)s (%(citation)s)."),
    "minutes.missing": gettext_noop(
        "The minutes have not been completed; they were due on the day of the meeting, %(date)s (%(citation)s)."
    ),
    "minutes.late": gettext_noop(
        "The minutes were completed on %(completed)s, not on the day of the meeting, %(date)s (%(citation)s)."
    ),
    "minutes.before_meeting": gettext_noop(
        "The minutes were completed at %(completed)s, before the meeting began at %(started)s; they record the "
        "meeting's course on its day (%(citation)s)."
    ),
    "minutes.field_missing": gettext_noop("The minutes lack a mandatory field: %(field)s (%(citation)s)."),
    "minutes.signature_missing": gettext_noop("The minutes lack a signature: %(signatory)s (%(citation)s)."),
    "minutes.secretary_wrong": gettext_noop("The secretary must be %(expected)s (%(citation)s)."),
    "video.missing": gettext_noop("The meeting was not video-recorded (%(citation)s)."),
    "registration.missing": gettext_noop("The participants were not registered (%(citation)s)."),
    "registration.incomplete": gettext_noop(
        "%(registered)s participants were registered, but the minutes state %(participants)s took part; every "
        "participant is registered (%(citation)s)."
    ),
    "items.not_in_minutes": gettext_noop(
        "A complaint, proposal or remark not fully answered at the meeting is not entered in the minutes "
        "(%(citation)s)."
    ),
    "items.not_forwarded": gettext_noop(
        "An item outside police competence was not sent to the competent body by %(due)s (%(citation)s)."
    ),
    "items.forwarded_late": gettext_noop(
        "An item outside police competence was sent on %(forwarded)s, after the deadline of %(due)s (%(citation)s)."
    ),
    "items.applicant_not_notified": gettext_noop(
        "The person who raised an item outside police competence was not notified that it was sent on (%(citation)s)."
    ),
    "appeal.overdue": gettext_noop("The appeal is past its term: it was due on %(due)s (%(citation)s)."),
    "appeal.answered_late": gettext_noop(
        "The appeal was answered on %(answered)s, after its term of %(due)s (%(citation)s)."
    ),
    "appeal.ended_late": gettext_noop(
        "The procedure was ended on %(ended)s, after its term of %(due)s (%(citation)s)."
    ),
    "appeal.extension_not_notified": gettext_noop(
        "The applicant was not told of the extension; they were to be told by %(due)s (%(citation)s)."
    ),
    "appeal.extension_notified_late": gettext_noop(
        "The applicant was told of the extension on %(notified)s, after %(due)s (%(citation)s)."
    ),
    "appeal.due_soon": gettext_noop("The appeal is due on %(due)s; %(left)s working days are left (%(citation)s)."),
    "appeal.extension_too_long": gettext_noop(
        "The extension runs to %(until)s, beyond the longest allowed, %(max)s (%(citation)s)."
    ),
    "appeal.extension_not_allowed": gettext_noop("A complaint's term cannot be extended (%(citation)s)."),
    "report.section_missing": gettext_noop(
        "The published report lacks a required section: %(section)s (%(citation)s)."
    ),
}

LABELS: dict[str, str] = {
    # invitees and participants (Order 608 pp.4, 11; Order 652 pp.26, 28)
    "maslikhat": gettext_noop("maslikhat deputies"),
    "public": gettext_noop("the public"),
    "health": gettext_noop("health bodies"),
    "social": gettext_noop("labour and social protection bodies"),
    "education": gettext_noop("education and science bodies"),
    "agriculture": gettext_noop("agriculture bodies"),
    "housing": gettext_noop("housing and utilities bodies"),
    "organisations": gettext_noop("organisations and enterprises"),
    "media": gettext_noop("mass media"),
    "akimat": gettext_noop("representatives of the local executive body"),
    "police_leadership": gettext_noop("the leadership of the police body"),
    # signatories
    "secretary": gettext_noop("the secretary"),
    "chief": gettext_noop("the chief of the police body"),
    "inspector": gettext_noop("the district inspector"),
    "akimat_stamp": gettext_noop("the akimat's stamp"),
    # minutes fields
    "time": gettext_noop("time"),
    "date": gettext_noop("date"),
    "place": gettext_noop("place"),
    "participants_count": gettext_noop("number of participants"),
    "decisions": gettext_noop("decisions taken"),
    "citizen_items": gettext_noop("citizens' complaints, proposals and remarks"),
    # channels
    "print": gettext_noop("print media"),
    "tv_radio": gettext_noop("television and radio"),
    "official_website": gettext_noop("official websites"),
    "social_network": gettext_noop("social networks"),
    # formats (Decree 723 p.2; Order 608 p.2; Order 652 p.27)
    "format_indoor": gettext_noop("indoors"),
    "format_outdoor": gettext_noop("outdoors"),
    "format_online": gettext_noop("in an online format"),
    # secretary
    "police": gettext_noop("an employee of the police body"),
    "akimat_secretary": gettext_noop("a representative of the local executive body"),
}

PERIOD_CHIEF = gettext_noop("the year %(year)s, reported in the first quarter of %(next)s")
PERIOD_INSPECTOR = gettext_noop("quarter %(quarter)s of %(year)s")


class Labels(tuple):
    """Keys to be shown as a comma-separated list of labels in each language."""


class Text:
    """A msgid with its own parameters, rendered in each language."""

    def __init__(self, msgid: str, **params: Any) -> None:
        self.msgid, self.params = msgid, params


_cache: dict[tuple[str, str], str] = {}


def translate(msgid: str, lang: str) -> str:
    key = (msgid, lang)
    found = _cache.get(key)
    if found is None:
        with translation.override(lang):
            found = gettext(msgid)
        _cache[key] = found
    return found


def render(msgid: str, lang: str, params: dict[str, Any]) -> str:
    return translate(msgid, lang) % {k: localize(v, lang) for k, v in params.items()}


def localize(value: Any, lang: str) -> Any:
    if isinstance(value, Labels):
        return ", ".join(translate(LABELS.get(k, k), lang) if k in LABELS else k for k in value)
    if isinstance(value, Text):
        return render(value.msgid, lang, value.params)
    if callable(value):
        return value(lang)
    return value


def reset_cache() -> None:
    _cache.clear()
