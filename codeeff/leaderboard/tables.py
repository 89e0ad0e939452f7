"""The leaderboard's data: every run of one or more stores, summarized once, as three
flat tables (runs, task results, sample results) that the site, Parquet and `datasets`
exports all read.

Every figure is `codeeff report`'s (report.summarize_stored_run, which recomputes it
from the stored raw measurements); nothing here computes a metric of its own. Runs
from several stores (several machines) merge; a run found in two stores (a copied
file) is listed once.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from codeeff.report import columns, summarize_stored_run
from codeeff.sandbox.base import Guarantees
from codeeff.store import Store


@dataclass
class Leaderboard:
    """Summaries of every run (as `report --format json` gives them) and the flat tables."""

    runs: list[dict[str, Any]]  # summarize_stored_run's results, plus "store"
    metrics: list[str]  # every metric any run has, in the kinds' own order
    run_rows: list[dict[str, Any]]
    task_rows: list[dict[str, Any]]
    sample_rows: list[dict[str, Any]]


def column_name(metric: str) -> str:
    """A metric's name as a table column (pass@1 -> pass_at_1: no '@' in column names)."""
    return metric.replace("@", "_at_").replace(".", "_")


def missing_guarantees(machine: dict[str, Any]) -> list[str]:
    """The isolation and measurement guarantees (sandbox.base.Guarantees, what `codeeff
    doctor` lists) that the run's sandboxes did not all have; empty: fully sandboxed."""
    held = machine.get("sandbox_guarantees") or {}
    flags = [f.name for f in fields(Guarantees) if f.type in ("bool", bool)]
    return [name for name in flags if held.get(name) is not True]


def collect(stores: Sequence[Path], ks: Sequence[int] = (1,)) -> Leaderboard:
    """Read every run of every store (in the order given, then by date)."""
    runs: list[dict[str, Any]] = []
    seen: set[str] = set()
    for path in stores:
        if not Path(path).is_file():
            raise FileNotFoundError(f"no store {path}")
        with Store(path) as store:
            for run in store.runs():
                if run["run_id"] in seen:
                    continue
                seen.add(run["run_id"])
                runs.append(dict(summarize_stored_run(store, run["run_id"], ks), store=str(path)))
    runs.sort(key=lambda run: run["run"]["created_at"])
    metrics = columns(runs, ks) if runs else []
    return Leaderboard(runs, metrics, [_run_row(run, metrics) for run in runs],
                       [row for run in runs for row in _task_rows(run, metrics)],
                       [row for run in runs for row in _sample_rows(run)])  # fmt: skip


def _run_row(run: dict[str, Any], metrics: list[str]) -> dict[str, Any]:
    record, summary = run["run"], run["summary"]
    machine = record["machine"]
    row: dict[str, Any] = {
        "run_id": record["run_id"], "model": record["label"], "suite": record["suite"],
        "kind": run["kind"], "store": run["store"],
        "created_at": datetime.datetime.fromtimestamp(record["created_at"], datetime.UTC)
        .isoformat(timespec="seconds"),
        "tasks": summary["tasks"],
        "samples": sum(task.get("n", 0) for task in run["tasks"].values()),
        "host": machine.get("host"), "processor": machine.get("processor"),
        "cpus": machine.get("cpus"), "codeeff_version": machine.get("codeeff_version"),
        "missing_guarantees": ",".join(missing_guarantees(machine)),
    }  # fmt: skip
    for metric in metrics:
        interval = (summary.get("ci95") or {}).get(metric) or (None, None)
        name = column_name(metric)
        row[name], row[f"{name}_ci_low"], row[f"{name}_ci_high"] = (
            summary.get(metric),
            interval[0],
            interval[1],
        )
    return row


def _task_rows(run: dict[str, Any], metrics: list[str]) -> list[dict[str, Any]]:
    rows = []
    for task_id, task in run["tasks"].items():
        verdicts = [sample["verdict"] for sample in task.get("samples", [])]
        row = {"run_id": run["run"]["run_id"], "task_id": task_id, "n": task.get("n", 0),
               "correct": task.get("correct", 0), "verdicts": ",".join(verdicts)}  # fmt: skip
        row.update({column_name(metric): task.get(metric) for metric in metrics})
        rows.append(row)
    return rows


def _sample_rows(run: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per sample: its verdict and the kind's per-sample figures (a CPU sample's
    score and speedup; a GPU sample's speedups over eager and over the expert)."""
    rows = []
    for task_id, task in run["tasks"].items():
        for sample in task.get("samples", []):
            rows.append({
                "run_id": run["run"]["run_id"], "task_id": task_id, "sample": sample["key"],
                "verdict": sample["verdict"], "passed": bool(sample["passed"]),
                "score": sample.get("score"), "speedup": sample.get("speedup"),
                "speedup_eager": sample.get("speedup_eager"),
                "speedup_expert": sample.get("speedup_expert"),
            })  # fmt: skip
    return rows
