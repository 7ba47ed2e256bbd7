"""The public version of signed minutes: the same document and seal hashes, without personal data.

The layout is the official one (letterhead, register number, date and place, signature lines, seal; see
esep/protocols/pdf.py). What a secretary typed is replaced by what staff checked and published (place,
agenda, items) or passed through ``redact`` (decisions, progress, addenda, the reason for a corrected
count); the person who raised an item and the registration list of participants are never printed.
Officials sign in office, so their names and roles stay.
"""

from __future__ import annotations

import json

import typst
from django.utils import translation
from django.utils.translation import gettext as _

from esep.accountability.models import ItemPublication, ReportPublication
from esep.accountability.publication import known_names
from esep.accountability.redaction import redact
from esep.protocols.models import Protocol
from esep.protocols.pdf import PDF_LANGUAGES, TEMPLATE, minutes_data


def public_minutes_data(protocol: Protocol, pub: ReportPublication, lang: str) -> dict:
    data = minutes_data(protocol, lang)
    names = known_names(protocol.meeting)
    published = {p.item_id: p for p in ItemPublication.objects.filter(item__protocol=protocol, publish=True)}
    with translation.override(lang):
        data["title"] = _("Minutes of the report to the population (public version without personal data)")
        data["note"] = _("Public version without personal data")
        # The registration list names residents: the public version gives only their number.
        data["participants"] = []
        settlement = data["settlement"]
        for field in data["fields"]:
            if field["label"] == _("Place"):
                place = pub.public_place
                field["value"] = place if not settlement or settlement in place else f"{settlement}, {place}"
            elif field["label"] == _("Number of participants"):
                field["value"] = redact(field["value"], known_names=names)
        data["agenda"] = pub.public_agenda
        items = []
        for n, item in enumerate(protocol.items.order_by("id"), start=1):
            p = published.get(item.pk)
            source = data["items"][n - 1]
            items.append(
                {
                    "number": str(n),
                    "kind": source["kind"],
                    "text": p.public_text if p else _("Not published: it contains personal data."),
                    "person": "",
                    "answer": p.public_answer if p else "",
                    "route": source["route"],
                }
            )
        data["items"] = items
        for d in data["decisions"]:
            d["text"] = redact(d["text"], known_names=names)
            d["responsible"] = redact(d["responsible"], known_names=names)
        for a in data["addenda"]:
            a["text"] = redact(a["text"], known_names=names)
        # Officials sign in office: their names and positions stay; no resident signs the minutes.
    return data


def public_minutes_pdf(protocol: Protocol, pub: ReportPublication, *, lang: str) -> bytes:
    if lang not in PDF_LANGUAGES:
        raise ValueError(f"minutes are printed in {PDF_LANGUAGES}, not {lang!r}")
    payload = json.dumps(public_minutes_data(protocol, pub, lang), ensure_ascii=False)
    return typst.compile(
        str(TEMPLATE), root=str(TEMPLATE.parent), sys_inputs={"data": payload}, ignore_system_fonts=True
    )
