"""From a run's stored raw measurements to per-task and suite metrics (pure, no I/O).

Every figure is recomputed from the raw times and memory peaks in the store, never from
a number a sandboxed program reported; the task kind (codeeff/kinds/) scores its own
records and names its metrics. The suite average is always over the whole suite for the
kind's whole-suite metrics (pass@k, eff@k ...): a task with no sample, or only failed
samples, counts as 0, never dropped. Where a metric cannot be computed (k larger than
the samples per task, no correct sample for a time ratio) it is None, printed as "not
measured".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from codeeff import kinds, metrics
from codeeff.store import StoredResult


def summarize_run(
    results: Iterable[StoredResult], task_ids: Sequence[str], ks: Sequence[int] = (1,),
    seed: int = 0, kind: str | None = None,
) -> dict[str, Any]:  # fmt: skip
    """{"kind": ..., "summary": {...metrics, "ci95": {...}}, "tasks": {task_id: {...}}}.

    `kind`: the run's task kind (None: the stored records say; none stored: the default).
    """
    samples: dict[str, list[StoredResult]] = defaultdict(list)
    tiers: dict[str, list[StoredResult]] = defaultdict(list)
    found = set()
    for result in results:
        found.add(kinds.of_measurement(result.measurement))
        (samples if result.kind == "sample" else tiers)[result.task_id].append(result)
    if kind is None:
        if len(found) > 1:
            raise ValueError(f"a run holds one kind of task; its records are {sorted(found)}")
        kind = found.pop() if found else kinds.DEFAULT
    module = kinds.get(kind)
    for group in samples.values():
        group.sort(key=lambda r: int(r.sample_key.split(":")[1]))
    tasks = {t: module.summarize_task(samples[t], tiers[t], ks) for t in task_ids}
    summary: dict[str, Any] = {
        "tasks": len(task_ids),
        "tasks_with_samples": sum(bool(samples[t]) for t in task_ids),
    }
    ci95: dict[str, Any] = {}
    for name in module.metric_names(ks):
        values = [tasks[t][name] for t in task_ids]
        whole_suite = module.whole_suite(name)
        if whole_suite and any(v is None for v in values):
            values = []  # k > n for some task, or no tier figures: not measured
        values = [v for v in values if v is not None]
        summary[name] = sum(values) / len(values) if values else None
        ci95[name] = list(metrics.bootstrap_ci(values, seed=seed)) if values else None
        if not whole_suite:
            summary[f"{name}_tasks"] = len(values)
    summary["ci95"] = ci95
    summary["notes"] = module.report_notes(tasks)
    return {"kind": kind, "summary": summary, "tasks": tasks}
