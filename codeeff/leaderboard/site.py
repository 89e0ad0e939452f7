"""The leaderboard as a static site: index.html (every run as a row, sortable and
filterable, the plots) and one page per run (its tasks, its generation settings, its
machine). Everything is inline (styles, the small sorting script, SVG plots): the pages
open from the file system or any static host and request nothing."""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import Any

from codeeff import kinds
from codeeff.leaderboard import plots
from codeeff.leaderboard.tables import Leaderboard, missing_guarantees
from codeeff.report import NOT_MEASURED

STYLE = """
body { font-family: sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; font-size: 13px; }
th, td { padding: 4px 8px; border-bottom: 1px solid #ddd; text-align: right; }
th { cursor: pointer; background: #f4f4f4; position: sticky; top: 0; }
th.sorted-asc::after { content: " \\25B2"; } th.sorted-desc::after { content: " \\25BC"; }
td.text, th.text { text-align: left; }
.ci { color: #777; font-size: 11px; }
.warn { color: #b00; font-weight: bold; }
.details { background: #fafafa; font-size: 12px; text-align: left; }
.plot { margin: 1.5em 0; }
"""

# Sorting by a header (numbers by data-value, missing ones last), the suite filter and the
# machine details: the only script, inline.
SCRIPT = """
function sortBy(th) {
  const table = th.closest('table'), body = table.tBodies[0];
  const column = [...th.parentNode.children].indexOf(th);
  const ascending = !th.classList.contains('sorted-asc');
  table.querySelectorAll('th').forEach(h => h.classList.remove('sorted-asc', 'sorted-desc'));
  th.classList.add(ascending ? 'sorted-asc' : 'sorted-desc');
  const rows = [...body.querySelectorAll('tr.run')];
  const key = row => row.children[column].dataset.value;
  rows.sort((a, b) => {
    const x = key(a), y = key(b);
    if (x === '' || y === '') return (x === '') - (y === '');
    const nx = Number(x), ny = Number(y);
    const order = isNaN(nx) || isNaN(ny) ? String(x).localeCompare(String(y)) : nx - ny;
    return ascending ? order : -order;
  });
  rows.forEach(row => {
    body.appendChild(row);
    const details = document.getElementById('details-' + row.dataset.run);
    if (details) body.appendChild(details);
  });
}
function filterSuite(select) {
  document.querySelectorAll('tr.run').forEach(row => {
    const shown = !select.value || row.dataset.suite === select.value;
    row.hidden = !shown;
    const details = document.getElementById('details-' + row.dataset.run);
    if (details && !shown) details.hidden = true;
  });
}
function toggleDetails(runId) {
  const details = document.getElementById('details-' + runId);
  details.hidden = !details.hidden;
}
document.querySelectorAll('th[data-sortable]').forEach(
  th => th.addEventListener('click', () => sortBy(th)));
"""


def _page(title: str, body: str, script: str = "") -> str:
    tail = f"<script>{script}</script>" if script else ""
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}'
            f"</title><style>{STYLE}</style></head><body>{body}{tail}</body></html>\n")  # fmt: skip


def _value_cell(value: Any, interval: Sequence[float] | None = None) -> str:
    """A metric cell: the value (data-value for sorting) and its 95% CI, or not measured."""
    if value is None:
        return f'<td data-value="">{NOT_MEASURED}</td>'
    ci = f' <span class="ci">[{interval[0]:.3f}, {interval[1]:.3f}]</span>' if interval else ""
    return f'<td data-value="{value!r}">{value:.3f}{ci}</td>'


def _text_cell(text: Any, value: Any = None) -> str:
    key = escape(str(text if value is None else value))
    return f'<td class="text" data-value="{key}">{escape(str(text))}</td>'


def _machine_lines(run: dict[str, Any]) -> str:
    machine = run["run"]["machine"]
    missing = missing_guarantees(machine)
    described = {key: value for key, value in machine.items() if key != "sandbox_guarantees"}
    guarantees = machine.get("sandbox_guarantees") or {}
    return (f"<b>machine</b> {escape(json.dumps(described, sort_keys=True))}<br>"
            f"<b>sandbox guarantees</b> {escape(json.dumps(guarantees, sort_keys=True))}<br>"
            + (f'<span class="warn">missing: {escape(", ".join(missing))}</span>' if missing
               else "every sandbox guarantee held"))  # fmt: skip


def _main_table(board: Leaderboard) -> str:
    headers = ["model", "suite", "samples", "date", "machine", *board.metrics]
    head = "".join(
        f'<th data-sortable class="{"text" if i < 5 else ""}">{escape(name)}</th>'
        for i, name in enumerate(headers)
    )
    rows = []
    for run, row in zip(board.runs, board.run_rows, strict=True):
        run_id = row["run_id"]
        flag = (' <span class="warn" title="not every sandbox guarantee held">&#9888;</span>'
                if row["missing_guarantees"] else "")  # fmt: skip
        cells = [
            f'<td class="text" data-value="{escape(row["model"])}">'
            f'<a href="runs/{run_id}.html">{escape(row["model"])}</a>{flag}</td>',
            _text_cell(row["suite"]), f'<td data-value="{row["samples"]}">{row["samples"]}</td>',
            _text_cell(row["created_at"][:10], row["created_at"]),
            f'<td class="text" data-value="{escape(str(row["host"]))}"><button type="button" '
            f'onclick="toggleDetails(\'{run_id}\')">{escape(str(row["host"]))}</button></td>',
        ]  # fmt: skip
        for metric in board.metrics:
            interval = (run["summary"].get("ci95") or {}).get(metric)
            cells.append(_value_cell(run["summary"].get(metric), interval))
        rows.append(f'<tr class="run" data-run="{run_id}" data-suite="{escape(row["suite"])}">'
                    + "".join(cells) + "</tr>")  # fmt: skip
        rows.append(f'<tr id="details-{run_id}" class="details" hidden>'
                    f'<td colspan="{len(headers)}">{_machine_lines(run)}</td></tr>')  # fmt: skip
    suites = sorted({row["suite"] for row in board.run_rows})
    options = "".join(f'<option value="{escape(s)}">{escape(s)}</option>' for s in suites)
    return (f'<p><label>suite <select id="suite-filter" onchange="filterSuite(this)">'
            f'<option value="">all</option>{options}</select></label></p>'
            f'<table id="runs"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')  # fmt: skip


def _score_metric(run: dict[str, Any]) -> str:
    """The per-task figure a heatmap cell shows: eff@1 for CPU kinds, fast_1 for GPU."""
    task = next(iter(run["tasks"].values()), {})
    return "eff@1" if "eff@1" in task else "fast_1"


def _plots(board: Leaderboard) -> str:
    parts = []
    points = [
        {"label": run["run"]["label"], "x": run["summary"]["pass@1"], "y": run["summary"]["eff@1"],
         "x_ci": run["summary"]["ci95"].get("pass@1"), "y_ci": run["summary"]["ci95"].get("eff@1")}
        for run in board.runs
        if run["summary"].get("eff@1") is not None and run["summary"].get("pass@1") is not None
    ]  # fmt: skip
    if points:
        parts.append("<h3>eff@1 against pass@1</h3>" + plots.scatter(points, "pass@1", "eff@1"))
    for suite in sorted({run["run"]["suite"] for run in board.runs}):
        runs = [run for run in board.runs if run["run"]["suite"] == suite]
        metric = _score_metric(runs[0])
        tasks = sorted({task for run in runs for task in run["tasks"]})
        labels = [f"{run['run']['label']} ({run['run']['run_id'][:6]})" for run in runs]
        cells = {}
        for label, run in zip(labels, runs, strict=True):
            for task_id, task in run["tasks"].items():
                verdicts = ", ".join(s["verdict"] for s in task.get("samples", [])) or "no sample"
                speedup = task.get("speedup", task.get("speedup_eager"))
                hover = (f"{metric} {task.get(metric, 0) or 0:.3f}; verdicts {verdicts}; speedup "
                         + (f"{speedup:.3f}" if speedup is not None else NOT_MEASURED))  # fmt: skip
                cells[(label, task_id)] = (task.get(metric), hover)
        title = f"{suite}: {metric} per task"
        parts.append(f"<h3>{escape(title)}</h3>" + plots.heatmap(labels, tasks, cells, title))
    series = [(f'{run["run"]["label"]} ({run["run"]["suite"]})', _sample_speedups(run))
              for run in board.runs]  # fmt: skip
    strip = plots.strips(series, "per-sample speedup against the expert (CPU) or eager (GPU)")
    if strip:
        parts.append("<h3>Distribution of per-sample speedups</h3>" + strip)
    parts.append(_gpu_plots(board))
    return "".join(f'<div class="plot">{part}</div>' for part in parts if part)


def _sample_speedups(run: dict[str, Any]) -> list[float]:
    return [
        sample.get("speedup_eager") or sample.get("speedup") or 0.0
        for task in run["tasks"].values() for sample in task.get("samples", [])
        if sample.get("passed")
    ]  # fmt: skip


def _gpu_plots(board: Leaderboard) -> str:
    """Speedup over eager and fraction of the GPU's peak per task, for GPU runs."""
    gpu = [run for run in board.runs if kinds.get(run["kind"]).USES_GPU]
    if not gpu:
        return ""
    speedups, peaks = [], []
    for run in gpu:
        name = f"{run['run']['label']} ({run['run']['run_id'][:6]})"
        speedups.append((name, {t: task.get("speedup_eager") for t, task in run["tasks"].items()}))
        peaks.append((name, {t: _peak_percent(task) for t, task in run["tasks"].items()}))
    speed = plots.bars(speedups, "speedup over PyTorch eager, per task (log scale)", True)
    peak = plots.bars(peaks, "% of the GPU's peak (the binding roofline), per task", False)
    if not speed and not peak:
        return (
            "<h3>GPU suites</h3><p>Timing not measured: these GPU runs were checked "
            "without a GPU (in the kernel language's CPU interpreter).</p>"
        )
    return "<h3>GPU suites</h3>" + speed + peak


def _peak_percent(task: dict[str, Any]) -> float | None:
    """The best correct sample's fraction of the GPU's peak on its largest level, in
    percent: of bandwidth or of FLOP rate, whichever binds (is higher)."""
    fractions = [
        value for sample in task.get("samples", []) if sample.get("passed") and sample.get("levels")
        for value in (sample["levels"][-1].get("candidate_peak") or {}).values()
        if value is not None
    ]  # fmt: skip
    return 100 * max(fractions) if fractions else None


def _run_page(run: dict[str, Any], metrics: list[str]) -> str:
    record = run["run"]
    task_metrics = [m for m in metrics if any(m in task for task in run["tasks"].values())]
    head = "".join(f"<th>{escape(name)}</th>" for name in ["task", "n", "correct", "verdicts",
                                                             *task_metrics])  # fmt: skip
    rows = []
    for task_id, task in run["tasks"].items():
        verdicts = ", ".join(s["verdict"] for s in task.get("samples", []))
        cells = [_text_cell(task_id), f"<td>{task.get('n', 0)}</td>",
                 f"<td>{task.get('correct', 0)}</td>", _text_cell(verdicts)]  # fmt: skip
        cells += [_value_cell(task.get(metric)) for metric in task_metrics]
        rows.append(f'<tr class="task">{"".join(cells)}</tr>')
    config = record["config"]
    generation = config.get("generation") or {}
    settings = {
        key: value for key, value in config.items() if key not in ("task_ids", "generation")
    }
    body = (
        f'<p><a href="../index.html">all runs</a></p><h1>{escape(record["label"])} '
        f'on {escape(record["suite"])}</h1><p>run {escape(record["run_id"])}, store '
        f"{escape(run['store'])}</p><h2>Generation settings</h2><pre>"
        + escape(json.dumps(generation, indent=1, sort_keys=True) if generation
                 else "not recorded (the samples file was evaluated without codeeff's generator)")
        + "</pre><h2>Measurement settings</h2><pre>"
        + escape(json.dumps(settings, indent=1, sort_keys=True))
        + f"</pre><h2>Machine</h2><p>{_machine_lines(run)}</p><h2>Tasks</h2>"
        f'<table id="tasks"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody>'
        "</table>"
    )  # fmt: skip
    return _page(f"{record['label']} · {record['suite']}", body)


def write_site(board: Leaderboard, folder: Path) -> Path:
    """Write index.html and runs/<run_id>.html under `folder`; returns index.html."""
    (folder / "runs").mkdir(parents=True, exist_ok=True)
    for run in board.runs:
        page = _run_page(run, board.metrics)
        (folder / "runs" / f"{run['run']['run_id']}.html").write_text(page, encoding="utf-8")
    flagged = sum(bool(row["missing_guarantees"]) for row in board.run_rows)
    note = (f'<p class="warn">&#9888; {flagged} run(s) measured without every sandbox '
            "guarantee (click the machine for which).</p>" if flagged else "")  # fmt: skip
    body = (
        "<h1>codeeff leaderboard</h1><p>Every figure is recomputed from the stored raw "
        "measurements, with its 95% confidence interval. Click a header to sort, a machine "
        "for its details, a model for its tasks.</p>" + note + _main_table(board)
        + "<h2>Plots</h2>" + _plots(board)
    )  # fmt: skip
    index = folder / "index.html"
    index.write_text(_page("codeeff leaderboard", body, SCRIPT), encoding="utf-8")
    return index
