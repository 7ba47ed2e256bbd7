"""Helpers for the robustness and security tests: a small world with one of everything a resident or a
staff member can reach, a snapshot of every stored row, and checks that a page speaks its language."""

from __future__ import annotations

import datetime as dt
import html
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.utils import timezone, translation

from esep.accounts.models import Role, RoleAssignment
from esep.testing import appeals as ta
from esep.testing import factories as f
from esep.testing import protocols as tp
from esep.testing import public as pf

LANGS = ("kk", "ru", "en")
# Tables whose rows change on their own (sessions of the test client) and say nothing about stored data.
VOLATILE = {"sessions.session"}


def rows() -> dict[str, list[tuple]]:
    """Every row of every table, as tuples, by model label: compare two snapshots to prove nothing changed."""
    snapshot: dict[str, list[tuple]] = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if label in VOLATILE or model._meta.proxy:
            continue
        snapshot[label] = list(model.objects.order_by("pk").values_list())
    return snapshot


def changed(before: dict[str, list[tuple]], after: dict[str, list[tuple]]) -> dict[str, tuple[int, int]]:
    """Tables whose rows differ, with their row counts before and after."""
    return {
        label: (len(before.get(label, [])), len(after.get(label, [])))
        for label in set(before) | set(after)
        if before.get(label) != after.get(label)
    }


def text_of(response) -> str:
    """What a reader sees: the decoded, unescaped body."""
    return html.unescape(response.content.decode("utf-8", errors="replace"))


def says(response, msgid: str, lang: str, **params: Any) -> bool:
    """The page shows ``msgid`` in ``lang`` (and, for kk and ru, not in English)."""
    with translation.override(lang):
        expected = translation.gettext(msgid)
    if params:
        expected = expected % params
    if lang != "en":
        assert expected != msgid or msgid in {"Esep"}, f"{msgid!r} has no {lang} translation"
    return expected in text_of(response)


# --- a small world --------------------------------------------------------------------------------------


def world() -> dict[str, Any]:
    """The Karaganda tree with an announced meeting (with an accepted and an unmoderated question), a held
    meeting with minutes, an appeal forwarded to an akimat department, an invitation, and one user per role."""
    from esep.meetings.services import invitation_create
    from esep.questions.services import question_accept

    data = pf.karaganda_tree()
    body, precinct, officer = data["body"], data["precinct"], data["officer"]
    meeting = pf.published_meeting(precinct=precinct, officer=officer)
    accepted = pf.question(meeting, text="Accepted question about street lighting near the school")
    admin = f.user(Role.ADMIN, is_superuser=True, is_staff=True)
    question_accept(question=accepted, actor=admin)
    submitted = pf.question(meeting, text="Unmoderated question that must stay private")
    held = f.meeting(
        body_=body,
        reporters=[(officer, precinct)],
        starts_at=(timezone.now() - dt.timedelta(days=3)).replace(minute=0, second=0, microsecond=0),
        status="held",
        published_at=timezone.now() - dt.timedelta(days=20),
    )
    users = {
        "staff_unit": tp.person(Role.STAFF_UNIT, body),
        "chief": tp.chief_user(body),
        "inspector": tp.inspector_user(officer),
        "secretary": tp.secretary_user(body),
        "akimat": _outside(Role.AKIMAT, data["district"]),
        "oversight": _outside(Role.OVERSIGHT, None),
        "admin": admin,
    }
    protocol = tp.minutes(held, users["secretary"], participants=2)
    agency = f.agency(data["district"], ["housing"])
    appeal = ta.appeal(body=body, subject="housing", competence="other")
    own = ta.appeal(body=body, text="Аулада жарық жоқ, кешке қорқынышты.")
    invitation = invitation_create(
        meeting=meeting, category="akimat", name="Бұқар жырау ауданының әкімдігі", email="akimat@example.kz",
        actor=users["staff_unit"],
    )  # fmt: skip
    data.update(
        meeting=meeting,
        held=held,
        accepted=accepted,
        submitted=submitted,
        protocol=protocol,
        agency=agency,
        appeal=appeal,
        forward=appeal.forwards.first(),
        own_appeal=own,
        invitation=invitation,
        users=users,
    )
    return data


def _outside(role: str, territory) -> Any:
    user = f.user()
    RoleAssignment.objects.create(user=user, role=role, territory=territory)
    return user


# --- untranslated strings -------------------------------------------------------------------------------


class _Text(HTMLParser):
    ATTRS = ("placeholder", "title", "aria-label", "alt")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if name in self.ATTRS and value:
                self.chunks.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.chunks.append(data)


def visible_text(content: str) -> list[str]:
    parser = _Text()
    parser.feed(content)
    return [" ".join(chunk.split()).strip(" :·—–-") for chunk in parser.chunks]


class MsgidFinder:
    """Finds Esep's English source strings shown verbatim on a Kazakh or Russian page.

    A text node (or an attribute a person reads) that is exactly an msgid whose translation differs from it
    is an untranslated string; msgids with placeholders match with any value in place of each placeholder.
    Strings that read the same in both languages (Esep, SHA-256, KATO numbers) are not flagged."""

    PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")
    # Names that read the same in every language (the brand in the header).
    SAME = frozenset({"Esep"})

    def __init__(self) -> None:
        from esep.core.i18n_check import catalogue, source_strings

        root = Path(settings.PACKAGE_DIR)
        self.catalogues = {lang: catalogue(root, lang) for lang in ("kk", "ru")}
        plain, patterns = set(), []
        for msgid in source_strings(root):
            text = " ".join(msgid.split()).strip(" :·—–-")
            if len(text) < 3 or not re.search(r"[A-Za-z]{3}", text):
                continue
            if self.PLACEHOLDER.search(text):
                parts = self.PLACEHOLDER.split(text)
                if sum(len(p.strip()) for p in parts) < 8:
                    continue
                patterns.append((msgid, re.compile(".+?".join(re.escape(p) for p in parts) + r"\Z")))
            else:
                plain.add((text, msgid))
        self.plain = dict(plain)
        self.patterns = patterns

    def _translated_differently(self, msgid: str, lang: str) -> bool:
        value = self.catalogues[lang].get(msgid)
        return value is None or " ".join(value.split()) != " ".join(msgid.split())

    def untranslated(self, content: str, lang: str) -> set[str]:
        found = set()
        for chunk in visible_text(content):
            msgid = self.plain.get(chunk)
            if msgid is None:
                for candidate, pattern in self.patterns:
                    if pattern.match(chunk):
                        msgid = candidate
                        break
            if msgid is not None and msgid not in self.SAME and self._translated_differently(msgid, lang):
                found.add(msgid)
        return found
