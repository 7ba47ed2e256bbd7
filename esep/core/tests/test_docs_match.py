"""Docs name only what exists (issue 9 item 7): every console command, every dotted module name and every
repository path in README.md, docs/, data/ and the docstrings of Esep's code is checked against the repository."""

from __future__ import annotations

import ast
import importlib
import re
from functools import cache
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import get_commands, load_command_class

ROOT = Path(settings.BASE_DIR)
COMMAND = re.compile(r"(?<![\w./-])esep ([a-z][a-z0-9_-]*)(?: ([a-z][a-z0-9_-]*))?")
DOTTED = re.compile(r"(?<![\w/.-])esep(?:\.[A-Za-z_][A-Za-z0-9_]*)+")
PATH = re.compile(r"(?<![\w./-])(?:esep|docs|data|bench|requirements|\.ci)/[A-Za-z0-9_./-]*[A-Za-z0-9_]")
ABSENT = re.compile(r"DOMAIN\.md|STYLE\.md|\.\./shared|/work/shared")
HOSTS = (".kz", ".com", ".org", ".local", ".internal")
FILES = (".css", ".js", ".py", ".md", ".typ", ".json", ".csv", ".po", ".mo")
# Words after "esep " in prose that are not commands.
PROSE = {"is", "and", "or", "the", "a", "to", "in", "on", "with", "for", "app", "apps", "command", "package"}


def _docstrings(path: Path) -> str:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = [tree, *(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef))]
    return "\n".join(doc for node in nodes if (doc := ast.get_docstring(node, clean=False)))


def _sources() -> list[tuple[str, str]]:
    texts = [("README.md", (ROOT / "README.md").read_text(encoding="utf-8"))]
    texts += [(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8")) for p in sorted((ROOT / "docs").rglob("*.md"))]
    texts += [(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8")) for p in sorted((ROOT / "data").rglob("*.md"))]
    for path in sorted((ROOT / "esep").rglob("*.py")):
        if "migrations" in path.parts or "data" in path.relative_to(ROOT).parts[1:2]:
            continue
        texts.append((str(path.relative_to(ROOT)), _docstrings(path)))
    return texts


SOURCES = _sources()


@cache
def _subcommands(name: str) -> frozenset[str] | None:
    command = load_command_class(get_commands()[name], name)
    parser = command.create_parser("esep", name)
    for action in parser._actions:
        if action.__class__.__name__ == "_SubParsersAction":
            return frozenset(action.choices)
    return None


def _command_problem(first: str, second: str | None) -> str | None:
    if first in PROSE:
        return None
    if first not in get_commands():
        return f"no command `esep {first}`"
    subs = _subcommands(first)
    if subs is not None and second is not None and second not in subs:
        return f"`esep {first}` has no subcommand {second!r} (it has {', '.join(sorted(subs))})"
    return None


def _resolves(dotted: str) -> bool:
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:]:
            if not hasattr(obj, attr):
                return False
            obj = getattr(obj, attr)
        return True
    return False


def _findings() -> list[str]:
    found = []
    for where, full_text in SOURCES:
        # Lines with a web address describe other repositories (data/*/README.md): their paths are not ours.
        text = "\n".join(line for line in full_text.splitlines() if "://" not in line)
        for match in COMMAND.finditer(text):
            if problem := _command_problem(match.group(1), match.group(2)):
                found.append(f"{where}: {problem}")
        for match in DOTTED.finditer(text):
            name = match.group(0).rstrip(".")
            if name.endswith(HOSTS) or name.endswith(FILES) or name in {"esep.sms"}:  # hosts, files, the SMS logger
                continue
            if not _resolves(name):
                found.append(f"{where}: no module or name {name}")
        for match in PATH.finditer(text):
            path = match.group(0).rstrip(".")
            if not (ROOT / path).exists():
                found.append(f"{where}: no file {path}")
        for match in ABSENT.finditer(text):
            found.append(f"{where}: names {match.group(0)}, which is not in this repository")
    return found


def test_every_command_module_and_file_the_docs_name_exists():
    assert _findings() == []


@pytest.mark.parametrize(
    "text",
    ["run `esep law rules`", "see esep.law.selectors", "in esep/public/ratelimit.py", "DOMAIN.md §3"],
    ids=["command", "module", "file", "outside-file"],
)
def test_drift_is_found(text, monkeypatch):
    monkeypatch.setattr(f"{__name__}.SOURCES", [("probe", text)])
    assert _findings()


def test_the_readme_configuration_table_is_every_declared_variable():
    from esep import conf

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"`((?:ESEP_|DATABASE_URL)[A-Z0-9_]*)`", table))
    assert documented == set(conf.DECLARED)
