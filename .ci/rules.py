"""House rules that ruff and import-linter cannot see, checked on the syntax tree. Run: python .ci/rules.py

ESEP001  views and API modules only parse input and call a service or a selector: no ORM write
         (.save(), .delete(), .create(), .update() on a queryset, get_or_create, update_or_create, bulk_*)
         in esep/**/views*.py, esep/**/api.py or esep/api/ (README, "What is where").
ESEP002  production code never patches the clock (mock.patch of now/today/time, time-machine, freezegun,
         assigning timezone.now): code that needs another "now" takes esep.core.clock; only tests travel.
ESEP003  templates carry no <style> element and no style="" attribute: the Content-Security-Policy
         (esep/core/middleware.py, style-src 'self') refuses them, so the browser silently drops the styling;
         styles go into the static stylesheets (esep/static/esep/). The admin's own templates are exempt.

Exit status 1 when a rule is broken, with one line per finding: path:line: code message.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WRITES_ALWAYS = {"create", "get_or_create", "update_or_create", "bulk_create", "bulk_update"}
WRITES_WITHOUT_ARGS = {"save", "delete"}  # Model.save(), qs.delete(); not segno's .save(out) nor cache.delete(key)
QUERYSET_STEPS = {"objects", "filter", "exclude", "all", "select_for_update", "select_related", "prefetch_related",
                  "order_by", "annotate", "only", "defer", "distinct", "using"}  # fmt: skip
CLOCK_WORDS = ("now", "today", "localdate", "localtime", "time.time", "datetime", "monotonic")
CLOCK_MODULES = {"time_machine", "freezegun"}


def _chain(node: ast.AST) -> Iterator[str]:
    """The names along a receiver: Meeting.objects.filter(...).update -> objects, filter, Meeting."""
    while True:
        if isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute):
            yield node.attr
            node = node.value
        elif isinstance(node, ast.Name):
            yield node.id
            return
        else:
            return


def orm_writes(tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        name = node.func.attr
        receiver = set(_chain(node.func.value))
        if (
            name in WRITES_ALWAYS
            or (name in WRITES_WITHOUT_ARGS and not node.args)
            or (name == "update" and receiver & QUERYSET_STEPS)
        ):
            yield node.lineno, f"ESEP001 ORM write .{name}() in a view or API module: call a service"


def _mentions_clock(node: ast.AST) -> bool:
    return any(
        isinstance(n, ast.Constant) and isinstance(n.value, str) and any(w in n.value for w in CLOCK_WORDS)
        for n in ast.walk(node)
    )


def clock_patches(tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            if any(n.split(".")[0] in CLOCK_MODULES for n in names):
                yield node.lineno, "ESEP002 clock-travel library outside tests: inject esep.core.clock instead"
        elif isinstance(node, ast.Call):
            chain = list(_chain(node.func))
            if chain and chain[0] in {"patch", "object"} and "patch" in chain and _mentions_clock(node):
                yield node.lineno, "ESEP002 the clock is patched outside tests: inject esep.core.clock instead"
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if (
                    isinstance(target, ast.Attribute)
                    and target.attr in {"now", "today", "localdate", "localtime", "time"}
                    and isinstance(target.value, ast.Name)
                    and target.value.id in {"timezone", "datetime", "dt", "time", "date"}
                ):
                    yield node.lineno, "ESEP002 a clock function is replaced outside tests"


def _is_test(path: Path) -> bool:
    parts = path.relative_to(ROOT).parts
    return "tests" in parts or parts[:2] == ("esep", "testing") or path.name in {"conftest.py"}


def _is_interface(path: Path) -> bool:
    parts = path.relative_to(ROOT).parts
    return path.name.startswith("views") or path.name == "api.py" or parts[:2] == ("esep", "api")


def check(paths: list[Path]) -> list[str]:
    findings = []
    for path in sorted(paths):
        if "migrations" in path.parts or _is_test(path):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        found = list(clock_patches(tree))
        if _is_interface(path):
            found += orm_writes(tree)
        findings += [f"{path.relative_to(ROOT)}:{line}: {message}" for line, message in sorted(found)]
    return findings


INLINE_STYLE = re.compile(r"<style[\s>]|\sstyle\s*=", re.IGNORECASE)


def inline_styles(templates: list[Path]) -> list[str]:
    findings = []
    for path in sorted(templates):
        name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        if "admin" in name.parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if INLINE_STYLE.search(line):
                findings.append(f"{name}:{number}: ESEP003 inline style (refused by the CSP)")
    return findings


def main() -> int:
    paths = [*ROOT.joinpath("esep").rglob("*.py"), *ROOT.joinpath("bench").rglob("*.py")]
    findings = check(paths) + inline_styles(list(ROOT.joinpath("esep").rglob("*.html")))
    for line in findings:
        print(line)
    print(f"{len(findings)} finding(s) in {len(paths)} files", file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
