"""The load of a quarter's last week, for Locust (bench/load.py runs it headless; see docs/operations.md).

Residents search and read precinct, body, meeting and upcoming-meetings pages (most traffic) and send
questions in advance; staff on phones open the door-registration page of a meeting (search as you type) and
the minutes list; oversight opens "who did not report" and the findings. Every user arrives at a fixed rate
(``constant_throughput``), so the offered load does not drop when the server slows down.

The URLs come from the environment variable ESEP_LOAD_TARGETS (JSON written by bench/load.py).
"""

from __future__ import annotations

import json
import os
import random
import re

from locust import HttpUser, between, constant_throughput, task

TARGETS = json.loads(os.environ.get("ESEP_LOAD_TARGETS", "{}"))
HOSTS = [h for h in os.environ.get("ESEP_LOAD_HOSTS", "").split(",") if h]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
QUESTIONS = [
    "Аулада кешке жарық жоқ, не істеуге болады?",
    "Когда поставят камеру у школы?",
    "Мектеп жанында жылдамдықты шектеу белгісі қашан қойылады?",
    "Кто отвечает за порядок у рынка по выходным?",
]
SEARCHES = ["Қарағанды", "karaganda", "Темиртау", "Абай", "Шахтинск", "Сәтбаев", "Балқаш", "Жезқазған", "Саран"]


def _csrf(response) -> str:
    found = CSRF.search(response.text or "")
    return found.group(1) if found else ""


class _Spread(HttpUser):
    """Each simulated person talks to one of the app servers, as a load balancer would spread them."""

    abstract = True

    def on_start(self):
        if HOSTS:
            self.client.base_url = random.choice(HOSTS)
        self.new_address()

    def new_address(self):
        """Each person has their own address, as the load balancer reports it (bench/load.py trusts one proxy)."""
        address = f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(1, 255)}"
        self.client.headers["X-Forwarded-For"] = address


class Resident(_Spread):
    weight = 80
    wait_time = constant_throughput(0.5)

    @task(5)
    def search(self):
        self.client.get(f"/{random.choice(('kk', 'ru'))}/?q={random.choice(SEARCHES)}", name="search")

    @task(6)
    def precinct(self):
        self.client.get(random.choice(TARGETS["precincts"]), name="precinct")

    @task(3)
    def meeting(self):
        self.client.get(random.choice(TARGETS["meetings"]), name="meeting")

    @task(2)
    def body(self):
        self.client.get(random.choice(TARGETS["bodies"]), name="police body")

    @task(2)
    def upcoming(self):
        self.client.get(f"/kk/meetings/?region={random.choice(TARGETS['regions'])}", name="upcoming meetings")

    @task(1)
    def home(self):
        self.client.get("/kk/", name="start page")


class QuestionSender(_Spread):
    weight = 5
    wait_time = constant_throughput(0.2)

    @task
    def ask(self):
        # Every question is another resident (one person sending one every few seconds would rightly meet the
        # form's per-address limit).
        self.new_address()
        path = random.choice(TARGETS["ask"])
        form = self.client.get(path, name="question form")
        fields = {"csrfmiddlewaretoken": _csrf(form)}
        for name, value in re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form.text or ""):
            fields.setdefault(name, value)
        fields.update(
            {
                "text": f"{random.choice(QUESTIONS)} ({random.randrange(10**6)})",
                "author_name": "Load Test",
                "residence": "Абай 1",
                "consent": "on",
            }
        )
        self.client.post(path, data=fields, name="question sent", headers={"Referer": self.host + path})


class _Staff(_Spread):
    abstract = True
    wait_time = between(2, 4)
    session = ""

    def on_start(self):
        super().on_start()
        # Staff log in once a day: they arrive with a session made by bench/load.py, so the deliberately slow
        # password hash of a login is not part of a week's steady traffic.
        self.client.cookies.set("sessionid", self.session)


class DoorStaff(_Staff):
    weight = 10

    def on_start(self):
        self.session = TARGETS["inspector"]
        super().on_start()

    @task(4)
    def door(self):
        self.client.get(f"{TARGETS['door']}?q={random.choice(('Ә', 'Сә', 'Қан', 'Мер'))}", name="door search")

    @task(1)
    def minutes(self):
        self.client.get("/kk/staff/protocols/", name="minutes list")


class Oversight(_Staff):
    weight = 5

    def on_start(self):
        self.session = TARGETS["oversight"]
        super().on_start()

    @task(2)
    def not_reported(self):
        self.client.get(TARGETS["not_reported"], name="who did not report")

    @task(1)
    def today(self):
        self.client.get("/kk/staff/", name="today")


class Hello(_Spread):
    """The baseline: a bare view through the same middleware, offered the same load in its own run (bench/load.py
    names the classes of each run, so this one never mixes with the others)."""

    wait_time = constant_throughput(0.5)

    @task
    def hello(self):
        self.client.get("/__hello__", name="hello")
