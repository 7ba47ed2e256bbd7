"""Who serves a precinct on a date: permanent and acting assignments, history, the whois command."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from esep.police.models import Assignment
from esep.police.selectors import inspector_on, inspectors_on, precinct_for_address
from esep.police.services import assignment_create
from esep.testing import factories as f

pytestmark = pytest.mark.django_db


def test_a_new_permanent_inspector_ends_the_previous_assignment_and_history_is_kept():
    precinct = f.precinct()
    first, second = f.officer(precinct.body), f.officer(precinct.body)
    assignment_create(officer=first, precinct=precinct, start=dt.date(2020, 1, 1))
    assignment_create(officer=second, precinct=precinct, start=dt.date(2024, 3, 1))
    assert inspector_on(precinct, dt.date(2022, 6, 1)).officer == first
    assert inspector_on(precinct, dt.date(2024, 2, 29)).officer == first
    assert inspector_on(precinct, dt.date(2024, 3, 1)).officer == second
    assert inspector_on(precinct, dt.date(2019, 12, 31)) is None


def test_an_acting_inspector_covers_leave_and_then_the_permanent_one_returns():
    precinct = f.precinct()
    permanent, stand_in = f.officer(precinct.body), f.officer(precinct.body)
    assignment_create(officer=permanent, precinct=precinct, start=dt.date(2022, 1, 1))
    assignment_create(officer=stand_in, precinct=precinct, start=dt.date(2025, 7, 1), end=dt.date(2025, 7, 28),
                      kind=Assignment.Kind.ACTING, reason="annual leave")  # fmt: skip
    during = inspector_on(precinct, dt.date(2025, 7, 10))
    assert during.officer == stand_in and during.acting
    assert inspector_on(precinct, dt.date(2025, 7, 29)).officer == permanent
    assert inspectors_on([precinct], dt.date(2025, 7, 10))[precinct.pk].officer == stand_in


def test_overlapping_permanent_assignments_are_refused():
    precinct = f.precinct()
    assignment_create(officer=f.officer(precinct.body), precinct=precinct, start=dt.date(2022, 1, 1),
                      end=dt.date(2022, 12, 31))  # fmt: skip
    with pytest.raises(ValidationError):
        assignment_create(officer=f.officer(precinct.body), precinct=precinct, start=dt.date(2022, 6, 1),
                          end=dt.date(2022, 8, 1))  # fmt: skip
    with pytest.raises(ValidationError):
        assignment_create(officer=f.officer(precinct.body), precinct=precinct, start=dt.date(2023, 1, 2),
                          end=dt.date(2023, 1, 1))  # fmt: skip


def test_a_city_address_finds_its_precinct_by_street_and_house():
    from esep.police.models import StreetRange

    city = f.settlement(name_kk="Қарағанды қ.", name_ru="г.Караганда")
    odd, even = f.precinct(settlements=[city]), f.precinct(settlements=[city])
    StreetRange.objects.create(precinct=odd, settlement=city, street_kk="Абай даңғылы", street_ru="проспект Абая",
                               house_from=1, house_to=99, parity="odd")  # fmt: skip
    StreetRange.objects.create(precinct=even, settlement=city, street_kk="Абай даңғылы", street_ru="проспект Абая",
                               house_from=2, house_to=100, parity="even")  # fmt: skip
    assert precinct_for_address(city, "проспект Абая", 15) == odd
    assert precinct_for_address(city, "Абай даңғылы", 16) == even
    assert precinct_for_address(city, "проспект Абая", 101) is None


def test_whois_names_the_precinct_and_the_inspector_today_and_on_a_past_date(demo_country):
    out = io.StringIO()
    call_command("police", "whois", "Сарыжал", stdout=out)
    text = out.getvalue()
    assert "103253100" in text and "inspector today:" in text
    past = io.StringIO()
    call_command("police", "whois", "103253100", "--on", "2016-06-01", stdout=past)
    today_name = text.split("inspector today:")[1].split(",")[0]
    past_name = past.getvalue().split("inspector on 2016-06-01:")[1].split(",")[0]
    assert past_name.strip() and past_name != today_name
    latin = io.StringIO()
    call_command("police", "whois", "Saryzhal", stdout=latin)
    assert "103253100" in latin.getvalue()


def test_whois_refuses_bad_input_clearly():
    with pytest.raises(CommandError, match="is not a date") as err:
        call_command("police", "whois", "Сарыжал", "--on", "yesterday")
    assert err.value.returncode == 2
    with pytest.raises(CommandError, match="no settlement called"):
        call_command("police", "whois", "Атлантида")


def test_a_registry_change_reaches_the_cached_public_page(client, django_capture_on_commit_callbacks):
    from django.urls import reverse

    from esep.police.services import precinct_update

    precinct = f.precinct(name_kk="Ескі атау")
    url = reverse("public:precinct", args=[precinct.body.slug, precinct.number])
    assert "Ескі атау" in client.get(url).content.decode()
    assert "Ескі атау" in client.get(url).content.decode()  # now served from the cache
    with django_capture_on_commit_callbacks(execute=True):
        precinct_update(precinct=precinct, actor=None, name_kk="Жаңа атау")
    assert "Жаңа атау" in client.get(url).content.decode()
