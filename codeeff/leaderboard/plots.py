"""The leaderboard's plots as inline SVG, drawn here from the tables (no plotting
library, no script, nothing fetched): they open from the file system and any static
host, and print as they look. Every mark carries a <title>, which browsers show on
hover."""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

WIDTH = 720
MARGIN = 56
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b",
           "#e377c2", "#7f7f7f", "#bcbd22")  # fmt: skip


def _svg(width: float, height: float, body: list[str], label: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(label)}" '
            f'width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
            f'font-family="sans-serif" font-size="11">' + "".join(body) + "</svg>")  # fmt: skip


def _text(x: float, y: float, text: str, anchor: str = "middle", extra: str = "") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" {extra}>'
            f"{escape(text)}</text>")  # fmt: skip


def colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def score_colour(value: float | None) -> str:
    """A score in [0, 1] (clipped) from red through yellow to green; grey if None."""
    if value is None:
        return "#dddddd"
    v = min(1.0, max(0.0, value))
    red, green = (255, int(510 * v)) if v < 0.5 else (int(510 * (1 - v)), 200)
    return f"#{red:02x}{min(green, 255):02x}40"


def scatter(points: Sequence[dict], x_name: str, y_name: str) -> str:
    """One point per run at (x, y) with CI whiskers on both axes. points: label, x, y,
    x_ci, y_ci (intervals or None)."""
    height, plot = 420, WIDTH - MARGIN - 160  # room on the right for the labels
    top = max([1.0] + [p["y_ci"][1] for p in points if p.get("y_ci")] + [p["y"] for p in points])

    def px(v: float) -> float:
        return MARGIN + v * plot

    def py(v: float) -> float:
        return height - MARGIN - v / top * (height - 2 * MARGIN)

    body = [f'<rect x="{MARGIN}" y="{MARGIN}" width="{plot}" height="{height - 2 * MARGIN}" '
            'fill="none" stroke="#999"/>']  # fmt: skip
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        body.append(_text(px(tick), height - MARGIN + 16, f"{tick:g}"))
        body.append(_text(MARGIN - 6, py(tick * top) + 4, f"{tick * top:.2f}", "end"))
    body.append(_text(MARGIN + plot / 2, height - 12, x_name))
    body.append(_text(16, height / 2, y_name, extra=f'transform="rotate(-90 16 {height / 2})"'))
    for index, point in enumerate(points):
        x, y, stroke = px(point["x"]), py(point["y"]), colour(index)
        if point.get("x_ci"):
            low, high = point["x_ci"]
            body.append(f'<line x1="{px(low):.1f}" y1="{y:.1f}" x2="{px(high):.1f}" y2="{y:.1f}" '
                        f'stroke="{stroke}"/>')  # fmt: skip
        if point.get("y_ci"):
            low, high = point["y_ci"]
            body.append(f'<line x1="{x:.1f}" y1="{py(low):.1f}" x2="{x:.1f}" y2="{py(high):.1f}" '
                        f'stroke="{stroke}"/>')  # fmt: skip
        title = f"{point['label']}: {x_name} {point['x']:.3f}, {y_name} {point['y']:.3f}"
        body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{stroke}">'
                    f"<title>{escape(title)}</title></circle>")  # fmt: skip
        body.append(_text(x + 8, y - 8, point["label"], "start"))
    return _svg(WIDTH, height, body, f"{y_name} against {x_name}")


def heatmap(rows: Sequence[str], columns: Sequence[str], cells: dict, label: str) -> str:
    """rows x columns of coloured cells; cells[(row, column)] = (value 0..1 or None,
    hover text)."""
    cell, left = 18, 180
    top = 20 + 5.5 * max([len(column.split("/")[-1]) for column in columns] + [4])
    width, height = left + cell * len(columns) + 20, top + cell * len(rows) + 20
    body = []
    for j, column in enumerate(columns):
        x = left + j * cell + cell / 2
        body.append(_text(x, top - 6, column.split("/")[-1], "start",
                          f'transform="rotate(-60 {x:.1f} {top - 6})"'))  # fmt: skip
    for i, row in enumerate(rows):
        y = top + i * cell
        body.append(_text(left - 6, y + cell * 0.7, row, "end"))
        for j, column in enumerate(columns):
            value, hover = cells.get((row, column), (None, "no sample"))
            title = escape(f"{row} · {column}: {hover}")
            body.append(f'<rect x="{left + j * cell}" y="{y}" width="{cell - 1}" '
                        f'height="{cell - 1}" fill="{score_colour(value)}">'
                        f"<title>{title}</title></rect>")  # fmt: skip
    return _svg(width, height, body, label)


def strips(series: Sequence[tuple[str, Sequence[float]]], label: str) -> str:
    """Per run, its values (speedups, > 0) as dots on a log axis, with the median marked."""
    values = [v for _, vs in series for v in vs if v > 0]
    if not values:
        return ""
    low = math.floor(math.log10(min(values + [0.5])))
    high = math.ceil(math.log10(max(values + [2.0])))
    left, row_height = 180, 30
    height = MARGIN + row_height * len(series) + 30
    plot = WIDTH - left - 20

    def px(v: float) -> float:
        return left + (math.log10(v) - low) / (high - low) * plot

    body = []
    for decade in range(low, high + 1):
        x = px(10.0**decade)
        body.append(f'<line x1="{x:.1f}" y1="{MARGIN - 10}" x2="{x:.1f}" y2="{height - 30}" '
                    'stroke="#ddd"/>')  # fmt: skip
        body.append(_text(x, height - 14, f"{10.0**decade:g}x"))
    body.append(_text(left + plot / 2, MARGIN - 24, label))
    for index, (name, vs) in enumerate(series):
        y = MARGIN + index * row_height + row_height / 2
        body.append(_text(left - 6, y + 4, name, "end"))
        shown = sorted(v for v in vs if v > 0)
        for k, v in enumerate(shown):
            jitter = ((k * 7919) % 13 - 6) * 1.3  # deterministic spread, no overlap pile-up
            body.append(f'<circle cx="{px(v):.1f}" cy="{y + jitter:.1f}" r="2.5" '
                        f'fill="{colour(index)}" fill-opacity="0.6">'
                        f"<title>{v:.3f}x</title></circle>")  # fmt: skip
        if shown:
            median = shown[len(shown) // 2]
            body.append(f'<line x1="{px(median):.1f}" y1="{y - 11}" x2="{px(median):.1f}" '
                        f'y2="{y + 11}" stroke="black" stroke-width="2">'
                        f"<title>median {median:.3f}x</title></line>")  # fmt: skip
    return _svg(WIDTH, height, body, label)


def bars(series: Sequence[tuple[str, dict[str, float | None]]], label: str,
         log_scale: bool) -> str:  # fmt: skip
    """Grouped horizontal bars: per task, one bar per run (None: not measured)."""
    tasks = sorted({task for _, values in series for task in values})
    values = [v for _, vs in series for v in vs.values() if v]
    if not tasks or not values:
        return ""
    left, bar = 180, 10
    group = bar * len(series) + 8
    height = MARGIN + group * len(tasks) + 30
    plot = WIDTH - left - 20
    if log_scale:
        low = math.floor(math.log10(min(values + [0.5])))
        high = math.ceil(math.log10(max(values + [2.0])))
        scale = [10.0**d for d in range(low, high + 1)]

        def length(v: float) -> float:
            return (math.log10(v) - low) / (high - low) * plot
    else:
        top = max(values)
        scale = [top * f for f in (0, 0.25, 0.5, 0.75, 1.0)]

        def length(v: float) -> float:
            return v / top * plot

    body = [_text(left + plot / 2, MARGIN - 24, label)]
    for tick in scale:
        x = left + length(tick) if tick > 0 or not log_scale else left
        body.append(f'<line x1="{x:.1f}" y1="{MARGIN - 10}" x2="{x:.1f}" y2="{height - 30}" '
                    'stroke="#ddd"/>')  # fmt: skip
        body.append(_text(x, height - 14, f"{tick:.3g}"))
    for t, task in enumerate(tasks):
        y0 = MARGIN + t * group
        body.append(_text(left - 6, y0 + group / 2, task.split("/")[-1], "end"))
        for index, (name, vs) in enumerate(series):
            value = vs.get(task)
            if not value:
                continue
            body.append(f'<rect x="{left}" y="{y0 + index * bar}" '
                        f'width="{max(1.0, length(value)):.1f}" height="{bar - 1}" '
                        f'fill="{colour(index)}">'
                        f"<title>{escape(name)}: {value:.3g}</title></rect>")  # fmt: skip
    return _svg(WIDTH, height, body, label)
