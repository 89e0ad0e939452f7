"""Reports from the store: one or several runs side by side (models as rows).

Formats: a terminal table, JSON, CSV and Markdown. Every number is recomputed from the
stored raw measurements (summary.py); a metric that could not be computed is shown as
"not measured".
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from codeeff import kinds
from codeeff.store import Store
from codeeff.summary import summarize_run

NOT_MEASURED = "not measured"


def summarize_stored_run(store: Store, run_id: str, ks: Sequence[int] = (1,)) -> dict[str, Any]:
    run = store.run(run_id)
    result = summarize_run(store.results(run["run_id"]), run["config"]["task_ids"], ks)
    result["run"] = {key: run[key] for key in ("run_id", "label", "suite", "created_at")}
    result["run"]["machine"] = run["machine"]
    result["run"]["config"] = run["config"]
    return result


def columns(runs: list[dict[str, Any]], ks: Sequence[int]) -> list[str]:
    """The metrics of the runs' task kinds, in each kind's order (one table may show runs
    of several kinds: a metric a run does not have shows "not measured")."""
    names: list[str] = []
    for kind in dict.fromkeys(run["kind"] for run in runs):
        names += [n for n in kinds.get(kind).metric_names(ks) if n not in names]
    return names


def _cell(summary: dict, name: str, with_ci: bool) -> str:
    value = summary.get(name)
    if value is None:
        return NOT_MEASURED
    text = f"{value:.4f}"
    interval = summary["ci95"].get(name)
    if with_ci and interval:
        text += f" [{interval[0]:.3f}, {interval[1]:.3f}]"
    return text


def render(runs: list[dict[str, Any]], fmt: str, ks: Sequence[int]) -> str:
    """Runs as rows, metrics as columns."""
    names = columns(runs, ks)
    if fmt == "json":
        return json.dumps(
            [
                {
                    "run": run["run"],
                    "kind": run["kind"],
                    "summary": run["summary"],
                    "tasks": run["tasks"],
                }
                for run in runs
            ],  # fmt: skip
            indent=2,
        )
    headers = ["run", "label", "suite", "tasks", *names]
    rows = [
        [run["run"]["run_id"][:8], run["run"]["label"], run["run"]["suite"],
         str(run["summary"]["tasks"]), *[_cell(run["summary"], n, fmt != "csv") for n in names]]
        for run in runs
    ]  # fmt: skip
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(headers)
        writer.writerows(rows)
        return buffer.getvalue()
    notes = [f"note ({run['run']['run_id'][:8]}): {note}"
             for run in runs for note in run["summary"].get("notes", [])]  # fmt: skip
    if fmt == "md":
        lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines + ["", *notes] if notes else lines)
    return "\n".join([render_table(headers, rows), *notes])


def render_table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [
        max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=False)
    ]
    lines = []
    for row in [headers, ["-" * w for w in widths], *rows]:
        lines.append("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)
