"""The announcement in words, in Kazakh and Russian, for media and social networks (Order 608 p.8.2:
time and place, and how to send questions or proposals in advance)."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from esep.meetings.models import Meeting


def meeting_public_url(meeting: Meeting, lang: str) -> str:
    with translation.override(lang):
        return settings.SITE_URL + reverse("public:meeting", kwargs={"code": meeting.code})


def question_form_url(meeting: Meeting, lang: str) -> str:
    with translation.override(lang):
        return settings.SITE_URL + reverse("public:ask", kwargs={"code": meeting.code})


def announcement_text(meeting: Meeting, lang: str) -> str:
    reporters = list(meeting.reporters.select_related("officer", "precinct", "precinct__point"))
    point = next((r.precinct.point for r in reporters if r.precinct and r.precinct.point_id), None)
    with translation.override(lang):
        text = render_to_string(
            "announcements/text.txt",
            {
                "meeting": meeting,
                "reporters": reporters,
                "point": point,
                "meeting_url": meeting_public_url(meeting, lang),
                "ask_url": question_form_url(meeting, lang),
                "schedule_url": settings.SITE_URL + reverse("public:body", kwargs={"slug": meeting.body.slug}),
            },
        )
    lines = [line.strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line).strip()


def announcement_texts(meeting: Meeting) -> dict[str, str]:
    return {lang: announcement_text(meeting, lang) for lang in ("kk", "ru")}
