"""The rules script (.ci/rules.py) catches what it is meant to, and the code keeps to it."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import pytest
from django.conf import settings

SCRIPT = Path(settings.BASE_DIR) / ".ci" / "rules.py"


@pytest.fixture(scope="module")
def rules():
    spec = importlib.util.spec_from_file_location("esep_rules", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "source",
    [
        "def v(request, m):\n    m.save()\n",
        "def v(request):\n    Meeting.objects.filter(pk=1).update(status='held')\n",
        "def v(request):\n    Question.objects.create(text='x')\n",
        "def v(request, m):\n    m.questions.all().delete()\n",
        "def v(request):\n    Token.objects.get_or_create(user=request.user)\n",
        "def v(request, rows):\n    Row.objects.bulk_create(rows)\n",
    ],
    ids=["save", "queryset-update", "create", "delete", "get_or_create", "bulk_create"],
)
def test_an_orm_write_in_a_view_is_found(rules, source):
    assert [code for _, code in rules.orm_writes(ast.parse(source))]


@pytest.mark.parametrize(
    "source",
    [
        "def v(request, context):\n    context.update({'a': 1})\n",
        "def v(request, qr, out):\n    qr.save(out, kind='svg')\n",
        "def v(request):\n    cache.delete('key')\n",
    ],
    ids=["dict-update", "segno-save", "cache-delete"],
)
def test_what_is_not_an_orm_write_is_left_alone(rules, source):
    assert list(rules.orm_writes(ast.parse(source))) == []


@pytest.mark.parametrize(
    "source",
    [
        "from unittest import mock\nwith mock.patch('django.utils.timezone.now', f):\n    pass\n",
        "from unittest.mock import patch\nwith patch.object(timezone, 'now', f):\n    pass\n",
        "import time_machine\n",
        "from freezegun import freeze_time\n",
        "from django.utils import timezone\ntimezone.now = lambda: 0\n",
    ],
    ids=["mock.patch", "patch.object", "time-machine", "freezegun", "assignment"],
)
def test_a_clock_patch_is_found(rules, source):
    assert list(rules.clock_patches(ast.parse(source)))


def test_esep_keeps_the_rules(rules):
    paths = [*Path(settings.BASE_DIR, "esep").rglob("*.py"), *Path(settings.BASE_DIR, "bench").rglob("*.py")]
    assert rules.check(paths) == []


@pytest.mark.parametrize(
    "line, found",
    [
        ('<style media="print">table{font-size:10pt}</style>', True),
        ("<style>\n", True),
        ('<svg width="100%" style="max-width:300px">', True),
        ('<p class="noprint">', False),
        ('<link rel="stylesheet" href="/static/esep/esep.css">', False),
        ("{% block stylesheets %}", False),
    ],
)
def test_an_inline_style_in_a_template_is_found(rules, tmp_path, line, found):
    template = tmp_path / "page.html"
    template.write_text(line, encoding="utf-8")
    assert bool(rules.inline_styles([template])) is found


def test_templates_keep_to_the_content_security_policy(rules):
    assert rules.inline_styles(list(Path(settings.BASE_DIR, "esep").rglob("*.html"))) == []
