"""The minutes as a PDF in Kazakh or Russian, typeset by Typst (the pip package; its embedded Libertinus
fonts carry every Kazakh letter, so no system fonts are needed). Users' text is passed as JSON data and
inserted as plain text, never as Typst markup."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typst
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from esep.core.i18n import localized
from esep.protocols.models import Protocol, ProtocolStatus
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
            "hashes": [f"v{v.number} SHA-256 {v.sha256}" for v in versions if v.sha256],
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
