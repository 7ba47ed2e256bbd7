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
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from esep.core.i18n import localized
from esep.protocols.models import ChainHead, Protocol, ProtocolStatus
from esep.protocols.signatories import ROLE_LABELS, Slot

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


def _letterhead(body: Any) -> dict[str, str]:
    """The body's names as its registry holds them, in Kazakh and Russian, under the ministry and the
    body it reports to, as on the body's official documents (and the entrance poster)."""
    parent = body.parent
    out: dict[str, str] = {}
    for lang in PDF_LANGUAGES:
        with translation.override(lang):
            out[f"ministry_{lang}"] = _("Ministry of Internal Affairs of the Republic of Kazakhstan")
        out[f"parent_{lang}"] = localized(parent, "name", lang) if parent is not None else ""
        out[f"body_{lang}"] = localized(body, "name", lang)
        out[f"address_{lang}"] = localized(body, "address", lang)
    out["contacts"] = " · ".join(x for x in (body.phone, body.email) if x)
    return out


def _settlement(meeting: Any, lang: str) -> str:
    """The settlement of the venue with the registry's abbreviations written out (or the body's territory)."""
    territory = meeting.settlement if meeting.settlement_id else meeting.body.territory
    with translation.override(lang):
        return territory.name


def _place(protocol: Protocol, lang: str) -> str:
    """Settlement and street address of the venue. The place the secretary recorded is printed as recorded,
    unless it is the announced venue, which is then printed in the document's language."""
    meeting = protocol.meeting
    place = protocol.place.strip()
    if place in {meeting.venue_kk.strip(), meeting.venue_ru.strip()} and localized(meeting, "venue", lang):
        place = localized(meeting, "venue", lang)
    settlement = _settlement(meeting, lang)
    return place if not settlement or settlement in place else f"{settlement}, {place}"


def _officer_line(officer: Any, *, first: bool = False) -> str:
    """Position and rank, e.g. "district police inspector, captain of police" (capitalised to start a line)."""
    line = ", ".join(x for x in (str(officer.get_position_display()), str(officer.get_rank_display())) if x)
    return capfirst(line) if first else line


def _signature_lines(protocol: Protocol, slots: list[Slot], signatures: list, officers: dict) -> list[dict[str, str]]:
    """One line per required signature: the role, the signer's name and position, the signing moment in
    Asia/Almaty; an empty line where the signature is still missing."""
    by_slot = {s.slot: s for s in signatures}
    lines = []
    for slot in slots:
        sig = by_slot.get(slot.key)
        officer = officers.get(("officer", slot.officer_id)) or (officers.get(("user", sig.user_id)) if sig else None)
        if sig is not None:
            name = sig.signer_name
        elif slot.role == "secretary":
            name = protocol.secretary_name
        else:
            name = slot.officer_name or (officer.full_name if officer else "")
        lines.append(
            {
                "role": capfirst(str(ROLE_LABELS.get(slot.role, slot.role))),
                "position": _officer_line(officer, first=True) if officer else "",
                "name": name,
                "when": _("signed %(when)s (Asia/Almaty)") % {"when": _dt(sig.signed_at)} if sig else _("not signed"),
                "line": True,
            }
        )
    if protocol.secretary_name and not any(slot.role == "secretary" for slot in slots):
        # Order 652 p.32: the inspector alone signs; the secretary who kept the minutes is named all the same.
        officer = officers.get(("user", protocol.secretary_id))
        lines.append(
            {
                "role": capfirst(str(ROLE_LABELS["secretary"])),
                "position": _officer_line(officer, first=True) if officer else "",
                "name": protocol.secretary_name,
                "when": _("kept the minutes; the rules of the meeting's date do not ask for this signature"),
                "line": False,
            }
        )
    return lines


def _officers(versions: list, meeting: Any) -> dict:
    """Officers of the signers (by slot, and by the user's role in the body), for their positions."""
    from esep.accounts.models import RoleAssignment
    from esep.police.models import Officer

    ids = {s.get("officer") for v in versions for s in v.required_slots if s.get("officer")}
    ids |= {r.officer_id for r in meeting.reporters.all()}
    out: dict = {("officer", o.pk): o for o in Officer.objects.filter(pk__in=ids)}
    users = {sig.user_id for v in versions for sig in v.signatures.all()} | {meeting.protocol.secretary_id}
    for ra in RoleAssignment.objects.filter(user_id__in=users, officer__isnull=False).select_related("officer"):
        out.setdefault(("user", ra.user_id), ra.officer)
    return out


def _slots_of(version: Any) -> list[Slot]:
    return [Slot(s["key"], s["role"], s.get("officer"), s.get("name", "")) for s in version.required_slots]


def _expected_slots(meeting: Any) -> list[Slot]:
    """Who will sign a draft, by the rules of the meeting's date (empty if the rules name nobody)."""
    from esep.protocols.signatories import required_slots

    try:
        return required_slots(meeting)
    except (LookupError, ValueError):
        return []


def minutes_data(protocol: Protocol, lang: str) -> dict[str, Any]:
    """Everything the minutes print, in ``lang``: the letterhead, the title with the register number, date
    and place, the agenda, participants, items, decisions, signature lines, the seal and how to check it."""
    meeting = protocol.meeting
    with translation.override(lang):
        items = list(protocol.items.select_related("target_agency", "reporter__officer").order_by("id"))
        decisions = list(protocol.decisions.order_by("id"))
        versions = list(protocol.versions.prefetch_related("signatures").select_related("addendum").order_by("number"))
        reporters = list(meeting.reporters.select_related("officer").order_by("id"))
        officers = _officers(versions, meeting)
        original = versions[0] if versions else None
        if original is not None:
            signatures = _signature_lines(protocol, _slots_of(original), list(original.signatures.all()), officers)
        else:
            signatures = _signature_lines(protocol, _expected_slots(meeting), [], officers)
        participants = [p.full_name for p in meeting.participants.order_by("id").only("full_name") if p.full_name]
        signed = protocol.status == ProtocolStatus.SIGNED
        data = {
            "lang": lang,
            "title": _("Minutes of the report to the population"),
            "heading": str(_("Minutes")).upper(),
            "kind": capfirst(str(meeting.get_kind_display())),
            "note": "" if signed else _("Not signed yet: a draft, not the minutes."),
            "number": "№ " + (protocol.document_number or "—"),
            "date": formats.date_format(timezone.localtime(protocol.started_at), "d.m.Y"),
            "settlement": _settlement(meeting, lang),
            "letterhead": _letterhead(meeting.body),
            "footer": _("Esep · minutes %(code)s") % {"code": meeting.code}
            + (f" · № {protocol.document_number}" if protocol.document_number else ""),
            "page_of": _("Page %(page)s of %(pages)s"),
            "fields": [
                {"label": _("Date and time"), "value": f"{_dt(protocol.started_at)} – {_dt(protocol.ended_at)}"},
                {"label": _("Place"), "value": _place(protocol, lang)},
                {
                    "label": _("Reporting"),
                    "value": "; ".join(
                        ", ".join(x for x in (r.officer.full_name, _officer_line(r.officer)) if x) for r in reporters
                    ),
                },
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
            "participants": participants,
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
                {
                    "title": _("Addendum %(n)s") % {"n": n},
                    "text": v.addendum.text,
                    "signatures": _signature_lines(protocol, _slots_of(v), list(v.signatures.all()), officers),
                }
                for n, v in enumerate([v for v in versions if v.addendum_id and v.sha256], start=1)
            ],
            "signatures": signatures,
            "hashes": _witness_lines(protocol, versions),
            "verify": _(
                "How to check: the seal is recomputed with the command “esep protocols verify” (staff of the "
                "police body) and compared with the chain heads the body publishes at %(url)s."
            )
            % {"url": settings.SITE_URL + reverse("seal:heads") + f"?body={meeting.body.slug}"},
            "labels": {
                "agenda": _("Course of the report"),
                "participants": _("Participants (registration list)"),
                "items": _("Complaints, proposals and remarks of citizens"),
                "decisions": _("Decisions taken"),
                "decision": _("Decision"),
                "responsible": _("Responsible"),
                "due": _("Due by"),
                "signatures": _("Signatures"),
                "seal": _("Seal of the minutes"),
                "none": _("None."),
            },
        }
        if not signed:
            data["title"] = _("Draft minutes of the report to the population")
    return data


def protocol_pdf(protocol: Protocol, *, lang: str) -> bytes:
    if lang not in PDF_LANGUAGES:
        raise ValueError(f"minutes are printed in {PDF_LANGUAGES}, not {lang!r}")
    payload = json.dumps(minutes_data(protocol, lang), ensure_ascii=False)
    return typst.compile(
        str(TEMPLATE), root=str(TEMPLATE.parent), sys_inputs={"data": payload}, ignore_system_fonts=True
    )
