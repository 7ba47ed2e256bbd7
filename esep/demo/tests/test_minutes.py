"""The demo's archive carries signed, sealed minutes (issue 8): oversight counts most of it done, the seal
verifies on the whole demo, and the few reports left unsigned show why."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.management import call_command

from esep.accounts.models import User
from esep.meetings.models import Meeting, MeetingKind, MeetingStatus
from esep.planning.oversight import evidence_missing
from esep.protocols.models import ChainHead, Protocol, ProtocolStatus

pytestmark = pytest.mark.django_db

DONE, UNSIGNED = "Проведено, %", "Проведён, протокол не подписан"


def _total_row(client) -> dict[str, str]:
    """The total of "who did not report" for the last finished quarter, from the CSV the prosecutor exports."""
    client.force_login(User.objects.get(username="prosecutor"))
    response = client.get("/ru/staff/planning/", {"format": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header, total = rows[0], rows[-1]
    return dict(zip(header, total, strict=True))


def test_oversight_counts_most_of_the_archive_done_but_not_all(client, demo_country):
    # Order 608 pp.14-15; Order 652 p.32: done means held with signed minutes.
    total = _total_row(client)
    done = float(total[DONE].replace(",", "."))
    assert 80 <= done < 100, total
    assert int(total[UNSIGNED]) > 0  # the deliberately unsigned minority has something to show


def test_the_seal_verifies_on_the_whole_demo_against_the_published_heads(demo_country):
    assert ChainHead.objects.exists()
    out = io.StringIO()
    call_command("protocols", "verify", stdout=out)
    assert "all signed minutes verify" in out.getvalue()


def test_archive_minutes_are_signed_by_the_slots_the_rules_require(demo_country):
    signed = Protocol.objects.filter(status=ProtocolStatus.SIGNED, meeting__kind=MeetingKind.INSPECTOR)
    protocol = signed.select_related("meeting").order_by("-id").first()  # the archive comes after the showcase
    version = protocol.versions.get()
    reporter = protocol.meeting.reporters.get()
    # Order 652 p.32: the inspector signs, with an account of their own (password-less, not a demo login).
    signature = version.signatures.get()
    assert signature.slot == f"inspector:{reporter.officer_id}"
    assert signature.user.roles.filter(officer_id=reporter.officer_id).exists()
    assert not signature.user.has_usable_password()
    assert protocol.meeting.status == MeetingStatus.CLOSED
    # Order 608 p.15: the chief's report is signed by the secretary and the chief.
    chief = Protocol.objects.filter(status=ProtocolStatus.SIGNED, meeting__kind=MeetingKind.CHIEF).first()
    slots = set(chief.versions.get().signatures.values_list("slot", flat=True))
    assert slots == {"secretary", "chief"}


def test_unsigned_archive_reports_show_the_finding_codes(demo_country):
    draft = Protocol.objects.filter(status=ProtocolStatus.DRAFT, meeting__reporters__precinct__isnull=False).first()
    codes = [code for _what, group in evidence_missing(draft.meeting) for code in group]
    assert "minutes.missing" in codes
    without = Meeting.objects.filter(status=MeetingStatus.HELD, protocol__isnull=True, kind=MeetingKind.INSPECTOR)
    codes = [code for _what, group in evidence_missing(without.first()) for code in group]
    assert "minutes.missing" in codes


def test_an_archive_report_has_its_public_page_and_minutes_pdf(client, demo_country):
    protocol = (
        Protocol.objects.filter(status=ProtocolStatus.SIGNED, meeting__kind=MeetingKind.INSPECTOR)
        .select_related("meeting")
        .order_by("-id")
        .first()
    )
    code = protocol.meeting.code
    page = client.get(f"/ru/meetings/{code}/")
    assert page.status_code == 200
    pdf = client.get(f"/ru/meetings/{code}/minutes-ru.pdf")
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")


def test_archive_minutes_carry_register_numbers_in_the_order_they_were_sealed(demo_country):
    from esep.protocols.models import MinutesRegister, Protocol, ProtocolStatus

    signed = Protocol.objects.filter(status=ProtocolStatus.SIGNED)
    assert not signed.filter(register_number__isnull=True).exists()
    body, year = signed.values_list("register_body", "register_year").order_by("register_body").first()
    numbers = list(
        signed.filter(register_body=body, register_year=year).order_by("signed_at", "pk").values_list(
            "register_number", flat=True
        )
    )
    # One body's register of a year: 1, 2, 3… without gaps; the counter stands at the last one.
    assert sorted(numbers) == list(range(1, len(numbers) + 1))
    assert MinutesRegister.objects.get(body_id=body, year=year).last_number == len(numbers)
