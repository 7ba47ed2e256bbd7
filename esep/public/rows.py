"""Rows of the residents' list pages (meetings, precinct cards) written in Python.

A list page renders up to 30 meetings or 500 precinct cards; through ``{% include %}`` each row costs about
0.2 ms of template work, most of a page's cost with the page cache off. These functions write the same
markup as public/_meeting_row.html and public/_precinct_card.html, which stay as the readable form of it:
esep/public/tests/test_rows.py renders both and requires the same text.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.formats import date_format
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext

from esep.public.links import meeting_url, precinct_url


def _e(value) -> str:
    return str(conditional_escape(value))


def meeting_row(m) -> str:
    when = date_format(template_localtime(m.starts_at), "DATETIME_FORMAT")
    venue = f" · {_e(m.venue)}" if m.venue else ""
    badge = f'<span class="badge error">{_e(gettext("cancelled"))}</span>' if m.status == "cancelled" else ""
    return (
        f'<li>\n  <a href="{_e(meeting_url(m))}"><strong>{_e(when)}</strong></a>\n'
        f"  · {_e(m.get_kind_display())} · {_e(m.body.name)}{venue}\n  {badge}\n</li>\n"
    )


def meeting_rows(meetings: Iterable) -> SafeString:
    return mark_safe("".join(meeting_row(m) for m in meetings))


def precinct_card(card) -> str:
    p, found = card.precinct, card.inspector
    out = ['<li class="card">\n', f'  <h3><a href="{_e(precinct_url(p))}">{_e(p.name)}</a></h3>\n  ']
    if found:
        officer = found.officer
        out.append(f"\n    <p>{_e(officer.get_rank_display())} <strong>{_e(officer.full_name)}</strong>")
        if found.acting:
            out.append(f' <span class="badge">{_e(gettext("acting"))}</span>')
        out.append("\n    ")
        phone = officer.public_phone
        if phone:
            out.append(f'<br><a href="tel:{_e(str(phone).replace(" ", ""))}">{_e(phone)}</a>')
        out.append("</p>\n  ")
    else:
        out.append(f'<p class="warn">{_e(gettext("The post of inspector is vacant."))}</p>')
    out.append("\n  ")
    if p.point:
        out.append(f'<p class="muted">{_e(p.point.address)}</p>')
    out.append("\n</li>\n")
    return "".join(out)


def precinct_cards(cards: Iterable) -> SafeString:
    return mark_safe("".join(precinct_card(c) for c in cards))
