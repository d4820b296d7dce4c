"""Small server-rendered SVG bar charts (no JavaScript): stacked columns and horizontal bars."""

from __future__ import annotations

from html import escape
from typing import Mapping, Sequence

from markupsafe import Markup

PALETTE = {"tip": "#c0392b", "spam": "#8e44ad", "lost_item": "#2874a6", "off_topic": "#7f8c8d",
           "urgent": "#c0392b", "normal": "#e67e22", "antt_only": "#16a085", "office_hours": "#d4ac0d",
           "flood": "#6c3483"}
_FALLBACK = ("#1f618d", "#117a65", "#b9770e", "#943126", "#5b2c6f", "#566573")


def color(key: str, i: int = 0) -> str:
    return PALETTE.get(key, _FALLBACK[i % len(_FALLBACK)])


def stacked_columns(columns: Sequence[tuple[str, Mapping[str, float]]], keys: Sequence[str],
                    labels: Mapping[str, str], *, title: str, height: int = 180, unit: str = "") -> Markup:
    """One column per label (e.g. a day), stacked by ``keys`` (e.g. categories), with a legend."""
    if not columns:
        return Markup(f'<p class="muted">{escape(title)}: chưa có dữ liệu.</p>')
    width = max(340, 44 * len(columns) + 50)
    top = max(sum(v.get(k, 0) for k in keys) for _, v in columns) or 1
    plot_h = height - 40
    parts = [f'<svg class="chart" viewBox="0 -12 {width} {height + 12 + 22 * ((len(keys) + 1) // 2)}" role="img" '
             f'aria-label="{escape(title)}"><title>{escape(title)}</title>',
             f'<text x="4" y="10" class="axis">{escape(_num(top))}{escape(unit)}</text>',
             f'<line x1="40" y1="{plot_h + 10}" x2="{width - 4}" y2="{plot_h + 10}" class="base"/>']
    for i, (label, values) in enumerate(columns):
        x = 44 + i * 44
        y = plot_h + 10
        for j, key in enumerate(keys):
            v = values.get(key, 0)
            if not v:
                continue
            h = max(1.0, plot_h * v / top)
            y -= h
            parts.append(f'<rect x="{x}" y="{y:.1f}" width="32" height="{h:.1f}" fill="{color(key, j)}">'
                         f'<title>{escape(label)} · {escape(labels.get(key, key))}: {escape(_num(v))}{escape(unit)}'
                         f'</title></rect>')
        total = sum(values.get(k, 0) for k in keys)
        parts.append(f'<text x="{x + 16}" y="{y - 3:.1f}" class="val" text-anchor="middle">{escape(_num(total))}</text>')
        parts.append(f'<text x="{x + 16}" y="{plot_h + 24}" class="axis" text-anchor="middle">{escape(label)}</text>')
    for j, key in enumerate(keys):
        lx = 44 + (j % 2) * 150
        ly = height + 6 + 22 * (j // 2)
        parts.append(f'<rect x="{lx}" y="{ly}" width="12" height="12" fill="{color(key, j)}"/>'
                     f'<text x="{lx + 16}" y="{ly + 11}" class="legend">{escape(labels.get(key, key))}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def bars(items: Sequence[tuple[str, float]], *, title: str, labels: Mapping[str, str] | None = None,
         unit: str = "") -> Markup:
    """Horizontal bars, one per item, value printed at the end."""
    if not items:
        return Markup(f'<p class="muted">{escape(title)}: chưa có dữ liệu.</p>')
    labels = labels or {}
    top = max(v for _, v in items) or 1
    row = 26
    width = 360
    parts = [f'<svg class="chart" viewBox="0 0 {width} {row * len(items) + 8}" role="img" '
             f'aria-label="{escape(title)}"><title>{escape(title)}</title>']
    for i, (key, v) in enumerate(items):
        y = 4 + i * row
        w = max(2.0, 180 * v / top)
        parts.append(f'<text x="0" y="{y + 16}" class="axis">{escape(labels.get(key, key))}</text>'
                     f'<rect x="130" y="{y + 3}" width="{w:.1f}" height="18" fill="{color(key, i)}"/>'
                     f'<text x="{134 + w:.1f}" y="{y + 16}" class="val">{escape(_num(v))}{escape(unit)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:.1f}"
