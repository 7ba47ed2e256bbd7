"""Charts as server-rendered SVG: no JavaScript, a title and a description for screen readers
(role="img" with aria-labelledby), the same markup in the HTML page and the PDF. Each chart is shown with a
table alternative built from the same rows (templates/reports/_figures.html)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_ids = itertools.count(1)
COLOURS = ("#8a99ad", "#1f4e79")  # previous period (lighter), current period (darker): 4.5:1+ against white
WIDTH, LABEL_W, BAR_H, GAP = 680, 300, 14, 10


@dataclass(frozen=True)
class Series:
    name: str
    values: list[int | None]


def bar_chart(
    title: str, description: str, labels: list[str], series: list[Series], *, font: str = "sans-serif"
) -> SafeString:
    """Horizontal grouped bars: one group per label, one bar per series, each with its value written."""
    n = next(_ids)
    top = 28 + 18  # title + legend
    group_h = len(series) * BAR_H + GAP
    height = top + group_h * len(labels) + 10
    values = [v for s in series for v in s.values if v is not None]
    top_value = max(values, default=0) or 1
    span = WIDTH - LABEL_W - 70
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="ct{n} cd{n}" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" style="max-width:100%;height:auto" '
        f'font-family="{escape(font)}" '
        f'font-size="12" class="chart">',
        f'<title id="ct{n}">{escape(title)}</title><desc id="cd{n}">{escape(description)}</desc>',
        f'<text x="0" y="16" font-size="14" font-weight="bold" fill="#111">{escape(title)}</text>',
    ]
    x = 0
    for i, s in enumerate(series):
        colour = COLOURS[(i + len(COLOURS) - len(series)) % len(COLOURS)]
        parts.append(f'<rect x="{x}" y="26" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{x + 16}" y="36" fill="#111">{escape(s.name)}</text>')
        x += 24 + 7 * len(s.name)
    for g, label in enumerate(labels):
        y0 = top + g * group_h
        short = label if len(label) <= 42 else label[:40] + "…"
        parts.append(
            f'<text x="{LABEL_W - 6}" y="{y0 + len(series) * BAR_H / 2 + 4:.0f}" text-anchor="end" fill="#111">'
            f"{escape(short)}</text>"
        )
        for i, s in enumerate(series):
            value = s.values[g]
            if value is None:
                continue
            colour = COLOURS[(i + len(COLOURS) - len(series)) % len(COLOURS)]
            w = max(1.0, span * value / top_value)
            y = y0 + i * BAR_H
            parts.append(f'<rect x="{LABEL_W}" y="{y}" width="{w:.1f}" height="{BAR_H - 2}" fill="{colour}"/>')
            parts.append(
                f'<text x="{LABEL_W + w + 4:.1f}" y="{y + BAR_H - 4}" fill="#111">{value:,}</text>'.replace(
                    ",", "\u00a0"
                )
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))
