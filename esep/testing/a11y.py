"""Accessibility checks in a real Chromium: axe-core (vendored, tests only) against WCAG 2.1 A and AA, and a
few checks axe cannot make (keyboard focus, reflow). Nothing here is served to users or fetched from a network.

Used by esep/public/tests/test_accessibility.py and esep/backoffice/tests/test_accessibility.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

AXE_JS = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
# WCAG 2.0 and 2.1, levels A and AA: what Esep promises (docs/public.md).
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
BLOCKING_IMPACTS = ("serious", "critical")

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def axe_run(page: Any) -> list[dict[str, Any]]:
    """Every WCAG 2.1 A/AA violation axe finds on the page as it is now (after any resize or typing)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # Evaluated by the browser's devtools protocol, not as a page <script>: Esep's Content-Security-Policy
        # (no inline script) stays in force for the page under test.
        page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate(
        """async (tags) => {
            const r = await window.axe.run(document, {runOnly: {type: "tag", values: tags},
                                                      resultTypes: ["violations"]});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(" "), html: n.html.slice(0, 160),
                                          summary: n.failureSummary}))}));
        }""",
        list(WCAG_TAGS),
    )
    return result


def blocking(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [v for v in violations if v["impact"] in BLOCKING_IMPACTS]


def describe(where: str, violations: list[dict[str, Any]]) -> str:
    """One readable block per violation: rule, impact, what to fix and the first few elements."""
    lines = []
    for v in violations:
        lines.append(f"{where}: {v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:4]:
            lines.append(f"    {node['target']}: {node['html']}")
            lines.append(f"      {(node['summary'] or '').replace(chr(10), ' / ')}")
    return "\n".join(lines)


# What axe reports only as "needs review" or not at all: ids used twice, references to ids that do not exist,
# a field marked invalid whose error is not tied to it, an error message no field points to.
STRUCTURE_JS = """() => {
  const problems = [];
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.name ? '[name=' + el.name + ']' : '');
  const seen = {};
  for (const el of document.querySelectorAll('[id]')) { seen[el.id] = (seen[el.id] || 0) + 1; }
  for (const [id, n] of Object.entries(seen)) { if (n > 1) problems.push('id "' + id + '" is used ' + n + ' times'); }
  for (const attr of ['aria-describedby', 'aria-labelledby', 'aria-controls']) {
    for (const el of document.querySelectorAll('[' + attr + ']')) {
      for (const id of el.getAttribute(attr).split(/\\s+/).filter(Boolean)) {
        if (!document.getElementById(id)) problems.push(name(el) + ' ' + attr + ' points to a missing id "' + id + '"');
      }
    }
  }
  for (const label of document.querySelectorAll('label[for]')) {
    if (!document.getElementById(label.htmlFor)) problems.push('label for="' + label.htmlFor + '" has no field');
  }
  const described = new Set();
  for (const el of document.querySelectorAll('[aria-describedby]')) {
    for (const id of el.getAttribute('aria-describedby').split(/\\s+/)) { described.add(id); }
  }
  for (const field of document.querySelectorAll('[aria-invalid=true]')) {
    const ids = (field.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean);
    const tied = ids.map(id => document.getElementById(id)).filter(el => el && el.innerText.trim()
                   && el.matches('.error, .errorlist, .error *, .errorlist *'));
    if (!tied.length) problems.push(name(field) + ' is marked invalid but no error message is tied to it');
  }
  for (const err of document.querySelectorAll('form .errorlist, form .error')) {
    if (!err.innerText.trim() || err.closest('[role=alert]') || (err.id && described.has(err.id))) continue;
    problems.push('error "' + err.innerText.trim().slice(0, 60) + '" is neither announced nor tied to a field');
  }
  return problems;
}"""


def structure_problems(page: Any) -> list[str]:
    return page.evaluate(STRUCTURE_JS)


def check_page(page: Any, where: str, sizes: tuple[dict[str, int], ...] = (PHONE, DESKTOP)) -> list[str]:
    """Run axe on the loaded page at each viewport size (a resize, not a reload), and the structure checks;
    return readable problems (empty when the page passes)."""
    problems = [f"{where}: {problem}" for problem in structure_problems(page)]
    for size in sizes:
        page.set_viewport_size(size)
        found = blocking(axe_run(page))
        if found:
            problems.append(describe(f"{where} @{size['width']}px", found))
    return problems


def horizontal_overflow(page: Any) -> int:
    """How many CSS pixels the page is wider than the viewport (0 when nothing scrolls sideways)."""
    return page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")


def focus_indicator(page: Any) -> dict[str, str]:
    """The focused element's outline and box shadow, as the browser computes them."""
    return page.evaluate(
        """() => { const el = document.activeElement; const s = getComputedStyle(el);
                   return {tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute('name') || '',
                           href: el.getAttribute('href') || '', text: (el.innerText || el.value || '').trim(),
                           outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, boxShadow: s.boxShadow}; }"""
    )


def has_visible_focus(style: dict[str, str]) -> bool:
    outline = style["outlineStyle"] not in ("none", "") and style["outlineWidth"] not in ("0px", "")
    return outline or style["boxShadow"] not in ("none", "")
