"""Two app servers for real: two gunicorn instances of Esep on different loopback ports over one PostgreSQL
database and one Redis, as production runs behind a load balancer (docs/operations.md).

Proved here: a change made through server A is on server B's public page at once (the page cache is
invalidated in Redis, not in one process's memory); a login on A is a login on B; the questions' rate limit
and one-use form tokens hold across both servers; a periodic job started on both at once does its work once;
killing server A with SIGKILL in the middle of a stream of writes loses no write it had acknowledged.

Marked ``postgres``: it runs in CI's PostgreSQL pass and needs Redis at ESEP_TEST_REDIS_URL (default
redis://127.0.0.1:6379/15, a database number nothing else uses; it is flushed first).
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[3]
REDIS_URL = os.environ.get("ESEP_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
PASSWORD = "two-servers-Пароль-2026"
SETTINGS = """
from esep.settings import *  # noqa: F403
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_USE_FINDERS = True
# The account was made by the test process, which hashes passwords with the tests' fast hasher.
from django.conf.global_settings import PASSWORD_HASHERS as _DEFAULT_HASHERS
PASSWORD_HASHERS = [*_DEFAULT_HASHERS, "django.contrib.auth.hashers.MD5PasswordHasher"]
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    """A browser: its own cookies, talking to whichever server it is told to."""

    def __init__(self, forwarded_for: str = "198.51.100.1") -> None:
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()
        )
        self.forwarded_for = forwarded_for

    def request(self, base: str, path: str, data: dict | None = None, timeout: float = 30) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(  # noqa: S310 - http://127.0.0.1 only
            base + path, data=body, headers={"X-Forwarded-For": self.forwarded_for}
        )
        try:
            with self.opener.open(req, timeout=timeout) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode()

    def csrf(self) -> str:
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _hidden(html: str, name: str) -> str:
    found = re.search(rf'name="{name}"[^>]*value="([^"]*)"', html) or re.search(
        rf'value="([^"]*)"[^>]*name="{name}"', html
    )
    assert found, f"no field {name} in the page"
    return found.group(1)


@pytest.fixture
def world(db):
    from django.core.cache import cache

    from esep.accounts.models import User
    from esep.testing.public import karaganda_tree, published_meeting

    if connection.vendor != "postgresql":
        pytest.skip("the two-server harness runs on PostgreSQL")
    tree = karaganda_tree()
    tree["meeting"] = published_meeting(precinct=tree["precinct"])
    User.objects.create_superuser("two-servers-admin", "admin@example.kz", PASSWORD)
    cache.clear()
    return tree


@pytest.fixture
def servers(world, tmp_path):
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    (tmp_path / "esep_two_servers_settings.py").write_text(SETTINGS)
    env = {
        **os.environ,
        "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}",
        "DJANGO_SETTINGS_MODULE": "esep_two_servers_settings",
        "DATABASE_URL": f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "ESEP_REDIS_URL": REDIS_URL,
        "ESEP_SECRET_KEY": "two-servers-" + "k" * 40,
        "ESEP_SEAL_KEY": settings.ESEP_SEAL_KEY,
        "ESEP_DEBUG": "0",
        "ESEP_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "ESEP_TRUSTED_PROXY_HOPS": "1",  # the test plays the load balancer that sets X-Forwarded-For
        "ESEP_QUESTION_MIN_FILL_SECONDS": "0",
        "ESEP_MEDIA_ROOT": str(tmp_path / "media"),
        "ESEP_VAR_DIR": str(tmp_path / "var"),
        "ESEP_EMAIL_BACKEND": "locmem",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    procs, bases = [], []
    for _name in ("A", "B"):
        port = _free_port()
        procs.append(
            subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "esep.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2",
                 "--timeout", "60", "--log-level", "warning"],
                cwd=ROOT, env=env, start_new_session=True,
            )
        )
        bases.append(f"http://127.0.0.1:{port}")
    deadline = time.monotonic() + 90
    for base in bases:
        while True:
            try:
                if Client().request(base, "/readyz", timeout=5)[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"{base} did not become ready")
            time.sleep(0.3)
    yield {"A": bases[0], "B": bases[1], "procs": procs, "env": env}
    for proc in procs:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)


def _login(client: Client, base: str) -> None:
    client.request(base, "/kk/accounts/login/")
    status, _ = client.request(
        base,
        "/kk/accounts/login/",
        {"username": "two-servers-admin", "password": PASSWORD, "csrfmiddlewaretoken": client.csrf()},
    )
    assert status == 302, "the login was refused"


def _ask(client: Client, base: str, meeting_code: str, text: str, *, form_html: str | None = None) -> tuple:
    if form_html is None:
        status, form_html = client.request(base, f"/kk/meetings/{meeting_code}/ask/")
        assert status == 200
    data = {
        "csrfmiddlewaretoken": client.csrf(),
        "started": _hidden(form_html, "started"),
        "website": "",
        "text": text,
        "author_name": "",
        "contact": "",
    }
    return client.request(base, f"/kk/meetings/{meeting_code}/ask/", data)


def test_a_change_through_a_is_on_b_at_once_and_a_login_holds_on_both(servers, world):
    precinct = world["precinct"]
    page = f"/kk/p/{precinct.body.slug}/{urllib.parse.quote(precinct.number)}/"
    resident = Client("198.51.100.7")
    for _ in range(2):  # B caches the page
        status, html = resident.request(servers["B"], page)
        assert status == 200 and "№7 әкімшілік учаске" in html
    staff = Client("198.51.100.8")
    _login(staff, servers["A"])
    edit = f"/kk/staff/registry/precincts/{precinct.pk}/edit/"
    status, form = staff.request(servers["A"], edit)
    assert status == 200
    fields = {
        name: _hidden(form, name) if name == "csrfmiddlewaretoken" else getattr(precinct, name)
        for name in ("csrfmiddlewaretoken", "name_ru", "name_en", "description_kk", "description_ru")
    }
    fields["name_kk"] = "№7 Ботақара учаскесі"
    fields["point"] = str(precinct.point_id or "")
    status, _ = staff.request(servers["A"], edit, fields)
    assert status == 302, "the edit through server A was refused"
    # No stale copy on B: the cached page's key holds the public version, which each process re-reads at most
    # MEMO_SECONDS after its last read (esep/public/cache.py), so B shows the change within that second.
    from esep.public.cache import MEMO_SECONDS

    deadline = time.monotonic() + MEMO_SECONDS + 2
    while True:
        status, html = resident.request(servers["B"], page)
        if "№7 Ботақара учаскесі" in html or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert status == 200 and "№7 Ботақара учаскесі" in html
    # The session made on A is a session on B.
    status, html = staff.request(servers["B"], "/kk/staff/")
    assert status == 200, "the session made on A is not known on B"


def test_the_question_limit_and_one_use_tokens_hold_across_both_servers(servers, world):
    from esep.questions.form_flow import SUBMIT_LIMITS
    from esep.questions.models import Question

    code = world["meeting"].code
    limit = min(limit for _scope, limit, _window in SUBMIT_LIMITS)
    resident = Client("198.51.100.20")
    statuses = [
        _ask(resident, servers["AB"[i % 2]], code, f"Сұрақ нөмірі {i}: кешке жарық жоқ.")[0] for i in range(limit + 1)
    ]
    assert statuses == [201] * limit + [429]
    assert Question.objects.count() == limit
    # One form, sent to A and then replayed to B: stored once.
    other = Client("198.51.100.21")
    _status, form = other.request(servers["A"], f"/kk/meetings/{code}/ask/")
    first = _ask(other, servers["A"], code, "Бір рет жіберілетін сұрақ.", form_html=form)[0]
    again = _ask(other, servers["B"], code, "Бір рет жіберілетін сұрақ.", form_html=form)[0]
    assert (first, again) == (201, 400)
    assert Question.objects.filter(text="Бір рет жіберілетін сұрақ.").count() == 1


def test_a_periodic_job_started_on_both_servers_does_its_work_once(servers, world):
    import datetime as dt

    from django.utils import timezone

    from esep.appeals.models import Appeal, Reminder
    from esep.testing import appeals as ta
    from esep.testing import factories as f

    f.staff(b=world["body"], email="shtab@police.example.kz")
    appeal = ta.appeal(body=world["body"])
    Appeal.objects.filter(pk=appeal.pk).update(due_on=timezone.localdate() - dt.timedelta(days=3))
    sweeps = [
        subprocess.Popen(
            [sys.executable, "-m", "esep", "appeals", "sweep"], cwd=ROOT, env=servers["env"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    for sweep in sweeps:
        _out, err = sweep.communicate(timeout=120)
        assert sweep.returncode == 0, err.decode()
    appeal.refresh_from_db()
    assert appeal.overdue_since is not None
    assert Reminder.objects.filter(appeal=appeal).count() == 1
    assert appeal.events.filter(kind="deadline_missed").count() == 1


def test_killing_server_a_mid_stream_loses_no_acknowledged_write(servers, world):
    from esep.questions.models import Question

    code = world["meeting"].code
    acknowledged: list[str] = []
    lock = threading.Lock()
    stop = threading.Event()

    def resident(n: int) -> None:
        client = Client(f"203.0.113.{n}")  # each resident its own address: the flood limit is not the point here
        i = 0
        while not stop.is_set() and i < 4:
            text = f"Тұрғын {n}, сұрақ {i}: аулада жарық жоқ."
            try:
                status, _ = _ask(client, servers["A"], code, text)
            except OSError:
                return  # the server died under this request: not acknowledged, nothing is owed
            if status == 201:
                with lock:
                    acknowledged.append(text)
            i += 1

    threads = [threading.Thread(target=resident, args=(n,)) for n in range(1, 9)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 60
    while len(acknowledged) < 6 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(servers["procs"][0].pid, signal.SIGKILL)  # the master and its workers, mid-request
    stop.set()
    for t in threads:
        t.join(timeout=60)
    assert len(acknowledged) >= 6
    stored = set(Question.objects.values_list("text", flat=True))
    assert set(acknowledged) <= stored
    # Server B keeps serving.
    assert Client().request(servers["B"], "/healthz")[0] == 200
