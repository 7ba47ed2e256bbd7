"""The minutes as a PDF in Kazakh or Russian, typeset by Typst (the pip package; its embedded Libertinus
fonts carry every Kazakh letter, so no system fonts are needed). Users' text is passed as JSON data and
inserted as plain text, never as Typst markup."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typst
from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from esep.core.i18n import localized
from esep.protocols.models import ChainHead, Protocol, ProtocolStatus
from esep.protocols.signatories import Slot

TEMPLATE = Path(__file__).parent / "typst" / "minutes.typ"
PDF_LANGUAGES = ("kk", "ru")


def _dt(value: Any) -> str:
    return formats.date_format(timezone.localtime(value), "d.m.Y H:i") if value else "—"


def _route(item) -> str:
    if item.answered_in_full:
        return _("Answered in full at the meeting.")
    if item.competence == "other" and item.target_agency is not None:
        return _("To be sent to %(body)s; the person is notified (Order 608 p.17; Order 652 p.32).") % {
            "body": localized(item.target_agency, "name")
        }
    if item.kind == "crime_report":
        return _("Registered as a report of a crime or offence.")
    return _("To be checked under the Administrative Procedural Code (Order 608 p.16; Order 652 p.32).")


def _witness_lines(protocol: Protocol, versions: list) -> list[str]:
    """Each sealed version's hash and MAC, and the published chain head of the body for the day the last one
    was sealed (docs/minutes.md): a printed copy is a witness outside the database."""
    sealed = [v for v in versions if v.sha256]
    lines = [f"v{v.number} SHA-256 {v.sha256} · HMAC {v.mac or '—'}" for v in sealed]
    if not sealed:
        return lines
    body = protocol.meeting.body
    day = timezone.localdate(sealed[-1].sealed_at)
    head = ChainHead.objects.filter(body=body, day__gte=day).order_by("day").first()
    url = settings.SITE_URL + reverse("seal:heads") + f"?body={body.slug}"
    if head is not None:
        lines.append(
            _("Chain head of the police body, published %(day)s: %(head)s (%(url)s)")
            % {"day": formats.date_format(head.day, "d.m.Y"), "head": f"{body.slug}:{head.day.isoformat()}:{head.head}",
               "url": url}
        )  # fmt: skip
    else:
        lines.append(
            _("The chain head of %(day)s is published after the day ends at %(url)s")
            % {"day": formats.date_format(day, "d.m.Y"), "url": url}
        )
    return lines


def minutes_data(protocol: Protocol, lang: str) -> dict[str, Any]:
    meeting = protocol.meeting
    with translation.override(lang):
        items = list(protocol.items.select_related("target_agency", "reporter__officer").order_by("id"))
        decisions = list(protocol.decisions.order_by("id"))
        versions = list(protocol.versions.prefetch_related("signatures").select_related("addendum").order_by("number"))
        reporters = ", ".join(r.officer.full_name for r in meeting.reporters.select_related("officer"))
        signatures = []
        for version in versions:
            slots = {
                s["key"]: Slot(s["key"], s["role"], s.get("officer"), s.get("name", "")) for s in version.required_slots
            }
            for sig in version.signatures.all():
                label = slots[sig.slot].label if sig.slot in slots else sig.role
                suffix = "" if version.number == 1 else " " + _("(addendum %(n)s)") % {"n": version.number - 1}
                signatures.append({"role": label + suffix, "name": sig.signer_name, "when": _dt(sig.signed_at)})
        data = {
            "lang": lang,
            "title": _("Minutes of the report to the population"),
            "subtitle": f"{meeting.get_kind_display()} · {localized(meeting.body, 'name')}",
            "footer": _("Esep · minutes %(code)s") % {"code": meeting.code},
            "fields": [
                {"label": _("Date and time"), "value": f"{_dt(protocol.started_at)} – {_dt(protocol.ended_at)}"},
                {"label": _("Place"), "value": protocol.place},
                {"label": _("Reporting"), "value": reporters},
                {
                    "label": _("Number of participants"),
                    "value": str(protocol.participants_count)
                    + (
                        f" ({protocol.participants_override_reason})"
                        if protocol.participants_override is not None
                        else ""
                    ),
                },
                {"label": _("Secretary"), "value": protocol.secretary_name or "—"},
            ],
            "agenda": protocol.agenda,
            "items": [
                {
                    "number": str(n),
                    "kind": item.get_kind_display(),
                    "text": item.text,
                    "person": item.person_name or (_("(anonymised)") if item.anonymised_at else _("(no name given)")),
                    "answer": item.answer,
                    "route": _route(item),
                }
                for n, item in enumerate(items, start=1)
            ],
            "decisions": [
                {
                    "number": str(n),
                    "text": d.text,
                    "responsible": d.responsible,
                    "due": formats.date_format(d.due_date, "d.m.Y"),
                }
                for n, d in enumerate(decisions, start=1)
            ],
            "addenda": [
                {"title": _("Addendum %(n)s") % {"n": n}, "text": v.addendum.text}
                for n, v in enumerate([v for v in versions if v.addendum_id and v.sha256], start=1)
            ],
            "signatures": signatures,
            "hashes": _witness_lines(protocol, versions),
            "labels": {
                "agenda": _("Course of the report"),
                "items": _("Complaints, proposals and remarks of citizens"),
                "decisions": _("Decisions taken"),
                "decision": _("Decision"),
                "responsible": _("Responsible"),
                "due": _("Due by"),
                "signatures": _("Signatures"),
                "none": _("None."),
                "unsigned": _("Not signed yet: a draft, not the minutes."),
            },
        }
        if protocol.status != ProtocolStatus.SIGNED:
            data["title"] = _("Draft minutes of the report to the population")
    return data


def protocol_pdf(protocol: Protocol, *, lang: str) -> bytes:
    if lang not in PDF_LANGUAGES:
        raise ValueError(f"minutes are printed in {PDF_LANGUAGES}, not {lang!r}")
    payload = json.dumps(minutes_data(protocol, lang), ensure_ascii=False)
    return typst.compile(
        str(TEMPLATE), root=str(TEMPLATE.parent), sys_inputs={"data": payload}, ignore_system_fonts=True
    )
