"""A printable A4 poster for building entrances (parliament speech, fourth conclusion; Order 652 p.27)."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import segno
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from esep.core import clock
from esep.core.i18n import localized
from esep.meetings.models import Meeting
from esep.police.models import Officer, Precinct

TEMPLATE = Path(__file__).with_name("poster.typ")
_PHOTO_TYPES = {".jpg", ".jpeg", ".png", ".gif", ".svg"}


def _in(lang: str, func):
    with translation.override(lang):
        return func()


def _photo_into(officer: Officer | None, folder: Path) -> str:
    if officer is None or not officer.photo:
        return ""
    try:
        suffix = Path(officer.photo.name).suffix.lower()
        if suffix not in _PHOTO_TYPES:
            return ""
        target = folder / f"photo{suffix}"
        with officer.photo.open("rb") as src, target.open("wb") as dst:
            shutil.copyfileobj(src, dst)
        return target.name
    except (OSError, ValueError):
        return ""


def _place(meeting: Meeting | None, lang: str) -> str:
    """The settlement of the venue, its registry abbreviations written out (the venue text carries the street)."""
    if meeting is None or meeting.settlement_id is None:
        return ""
    with translation.override(lang):
        return meeting.settlement.name


def poster_data(*, precinct: Precinct, officer: Officer | None, meeting: Meeting | None) -> dict:
    """Everything the poster prints, in both languages; the URL the QR code opens."""
    if meeting is not None:
        qr_path = reverse("public:ask", kwargs={"code": meeting.code})
    else:
        qr_path = reverse("public:precinct", kwargs={"slug": precinct.body.slug, "number": precinct.number})
    qr_url = settings.SITE_URL + qr_path
    point = precinct.point
    from esep.announcements.services import notice_rule

    notice = {"days": notice_rule(clock.localdate(), "inspector")[0]}

    def when() -> str:
        return date_format(timezone.localtime(meeting.starts_at), "DATETIME_FORMAT") if meeting else ""

    return {
        "title_kk": _in("kk", lambda: _("Your district police inspector")),
        "title_ru": _in("ru", lambda: _("Your district police inspector")),
        "officer_name": officer.full_name if officer else _in("kk", lambda: _("The post is vacant")),
        "officer_rank_kk": _in("kk", lambda: f"{officer.get_rank_display()}") if officer else "",
        "officer_rank_ru": _in("ru", lambda: f"{officer.get_rank_display()}") if officer else "",
        "phone_label": _in("kk", lambda: _("Phone")) + " / " + _in("ru", lambda: _("Phone")),
        # The inspector's, the point's or the body's number; never an emergency number printed as an office's.
        "phone": (officer.public_phone if officer else "") or (point.phone if point else "") or precinct.body.phone,
        "email": officer.public_email if officer else "",
        "point_label": _in("kk", lambda: _("District police point"))
        + " / "
        + _in("ru", lambda: _("District police point")),
        "point_address_kk": point.address_kk if point else "",
        "point_address_ru": point.address_ru if point else "",
        "hours_kk": point.reception_hours_kk if point else "",
        "hours_ru": point.reception_hours_ru if point else "",
        "precinct_label": _in("kk", lambda: _("Precinct")) + " / " + _in("ru", lambda: _("Precinct")),
        "precinct_name": localized(precinct, "name", "kk") + (" / " + precinct.name_ru if precinct.name_ru else ""),
        "meeting_label": _in("kk", lambda: _("Next report to the population"))
        + " / "
        + _in("ru", lambda: _("Next report to the population")),
        "has_meeting": meeting is not None,
        "meeting_when_kk": _in("kk", when),
        "meeting_venue_kk": meeting.venue_kk if meeting else "",
        "meeting_venue_ru": meeting.venue_ru if meeting else "",
        "online_url": meeting.online_url if meeting else "",
        "no_meeting_kk": _in("kk", lambda: _("The date will be announced at least %(days)s days before.") % notice),
        "no_meeting_ru": _in("ru", lambda: _("The date will be announced at least %(days)s days before.") % notice),
        "qr_label_kk": _in("kk", lambda: _("Send your question in advance: scan the code")),
        "qr_label_ru": _in("ru", lambda: _("Send your question in advance: scan the code")),
        "qr_url": qr_url,
        # Letterhead: the ministry and the police body, as on the body's official documents.
        "ministry_kk": _in("kk", lambda: _("Ministry of Internal Affairs of the Republic of Kazakhstan")),
        "ministry_ru": _in("ru", lambda: _("Ministry of Internal Affairs of the Republic of Kazakhstan")),
        "body_kk": localized(precinct.body, "name", "kk"),
        "body_ru": localized(precinct.body, "name", "ru"),
        "body_address_kk": precinct.body.address_kk,
        "body_address_ru": precinct.body.address_ru,
        "meeting_place_kk": _place(meeting, "kk"),
        "meeting_place_ru": _place(meeting, "ru"),
        "footer": "Esep · " + settings.SITE_URL,
    }


def poster_pdf(
    *, precinct: Precinct, officer: Officer | None, meeting: Meeting | None, image_ppi: int | None = None
) -> bytes:
    """Compile the poster with typst (pip-only; its embedded Libertinus font carries Kazakh letters).
    With ``image_ppi``, a PNG of the page instead of the PDF (for review screenshots)."""
    import typst

    data = poster_data(precinct=precinct, officer=officer, meeting=meeting)
    with tempfile.TemporaryDirectory(prefix="esep-poster-") as tmp:
        folder = Path(tmp)
        shutil.copy(TEMPLATE, folder / "poster.typ")
        segno.make(data["qr_url"], error="m").save(str(folder / "qr.svg"), scale=4, border=2)
        data["qr"] = "qr.svg"
        data["photo"] = _photo_into(officer, folder)
        return typst.compile(
            str(folder / "poster.typ"),
            root=str(folder),
            ignore_system_fonts=True,
            sys_inputs={"data": json.dumps(data, ensure_ascii=False)},
            **({"format": "png", "ppi": image_ppi} if image_ppi else {}),
        )
