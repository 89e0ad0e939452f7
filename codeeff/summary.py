"""From a run's stored raw measurements to per-task and suite metrics (pure, no I/O).

Every figure is recomputed from the raw CPU times and memory peaks in the store, never
from a number a sandboxed program reported. The suite average is always over the
whole suite: a task with no sample, or only failed samples, counts as 0, never
dropped. Where a metric cannot be computed (k larger than the samples per task, no
correct sample for a time ratio) it is None, printed as "not measured".
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from codeeff import metrics
from codeeff.gpu.scoring import FAST_P_THRESHOLDS, score_triton, summarize_triton_task
from codeeff.measure import LevelMeasurement
from codeeff.store import StoredResult


@dataclass
class ScoredSolution:
    """One stored measurement, scored."""

    key: str
    verdict: str
    passed: bool
    score: float  # e_ij, 0 if not correct
    speedup: float  # weighted geometric mean of t*/t; 0 if failed or timed out
    runtime_s: float | None  # sum_l h_l t_l, timeouts counted at their limit; None if failed
    reference_runtime_s: float | None
    time_ratio: float | None  # sum_l t_l / sum_l t*_l over stress levels (EffiBench ET)
    memory_ratio: float | None  # peak RSS ratio (EffiBench MU)
    memory_time_ratio: float | None  # (peak RSS x time) ratio: stands in for TMU
    levels: list[dict[str, Any]]


def score_measurement(key: str, measurement: dict, alpha: float) -> ScoredSolution:
    passed = bool(measurement["passed"])
    stress = [LevelMeasurement.from_dict(level) for level in measurement["levels"][1:]]
    complete = passed and stress and all(level.cases for level in stress)
    if not complete:
        return ScoredSolution(key, measurement["verdict"], False, 0.0, 0.0, None, None, None,
                              None, None, [])  # fmt: skip
    weights = [level.weight for level in stress]
    times = [level.candidate_s for level in stress]
    references = [level.reference_s for level in stress]
    level_scores = [
        metrics.level_score(t, ref, alpha) for t, ref in zip(times, references, strict=True)
    ]
    censored = [
        t if math.isfinite(t) else level.limit_s for t, level in zip(times, stress, strict=True)
    ]
    runtime = sum(h * t for h, t in zip(weights, censored, strict=True))
    reference_runtime = sum(h * t for h, t in zip(weights, references, strict=True))
    finished = all(math.isfinite(t) for t in times)
    time_ratio = sum(times) / sum(references) if finished else None
    memory_ratio = max(lv.candidate_peak_kb for lv in stress) / max(
        max(lv.reference_peak_kb for lv in stress), 1
    )
    levels = [
        {"name": lv.name, "weight": lv.weight, "verdict": lv.verdict.value,
         "t_s": t if math.isfinite(t) else None, "t_ref_s": ref, "limit_s": lv.limit_s,
         "score": f, "peak_kb": lv.candidate_peak_kb, "ref_peak_kb": lv.reference_peak_kb}
        for lv, t, ref, f in zip(stress, times, references, level_scores, strict=True)
    ]  # fmt: skip
    return ScoredSolution(
        key=key,
        verdict=measurement["verdict"],
        passed=True,
        score=metrics.sample_score(level_scores, weights, True),
        speedup=metrics.speedup(references, times, weights),
        runtime_s=runtime,
        reference_runtime_s=reference_runtime,
        time_ratio=time_ratio,
        memory_ratio=memory_ratio,
        memory_time_ratio=memory_ratio * time_ratio if time_ratio is not None else None,
        levels=levels,
    )


def _mean_or_none(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def summarize_task(
    samples: list[ScoredSolution], tiers: list[ScoredSolution], ks: Sequence[int]
) -> dict[str, Any]:
    """Metrics of one task over its n samples (in file order)."""
    n, c = len(samples), sum(s.passed for s in samples)
    task: dict[str, Any] = {"n": n, "correct": c}
    if n == 0:  # no sample for this task: a failure, never a dropped task
        task.update({f"{name}@{k}": 0.0 for name in ("pass", "eff", "beyond") for k in ks})
        task.update(speedup=0.0, dps_norm=0.0, speedup_correct=None, net=None, nmu=None,
                    ntmu=None, samples=[])  # fmt: skip
        return task
    scores = [s.score for s in samples]
    for k in ks:
        task[f"pass@{k}"] = metrics.pass_at_k(n, c, k) if n >= k else None
        task[f"eff@{k}"] = metrics.eff_at_k(scores, k) if n >= k else None
    task["speedup"] = sum(s.speedup for s in samples) / n if n else 0.0
    correct = [s for s in samples if s.passed]
    task["speedup_correct"] = (
        math.exp(sum(math.log(s.speedup) for s in correct) / len(correct))
        if correct and all(s.speedup > 0 for s in correct) else None
    )  # fmt: skip
    task["net"] = _mean_or_none([s.time_ratio for s in correct])
    task["nmu"] = _mean_or_none([s.memory_ratio for s in correct])
    task["ntmu"] = _mean_or_none([s.memory_time_ratio for s in correct])
    tier_runtimes = [t.runtime_s for t in tiers if t.runtime_s is not None]
    expert_runtimes = [s.reference_runtime_s for s in samples + tiers if s.reference_runtime_s]
    if tier_runtimes and expert_runtimes:
        expert_runtime = sorted(expert_runtimes)[len(expert_runtimes) // 2]
        ladder = sorted([*tier_runtimes, expert_runtime], reverse=True)  # slow to fast
        beyond = [metrics.beyond_score(s.runtime_s if s.passed else None, ladder) for s in samples]
        dps = [
            metrics.dps_norm(s.runtime_s / (1 + DPS_MATCH_TOLERANCE) if s.passed else None, ladder)
            for s in samples
        ]
        for k in ks:
            task[f"beyond@{k}"] = metrics.beyond_at_k(beyond, k) if n >= k else None
        task["dps_norm"] = sum(dps) / n if n else 0.0
        task["tier_runtimes_s"] = {t.key.removeprefix("tier:"): t.runtime_s for t in tiers}
        task["expert_runtime_s"] = expert_runtime
    else:
        for k in ks:
            task[f"beyond@{k}"] = None
        task["dps_norm"] = None
    task["samples"] = [
        {"key": s.key, "verdict": s.verdict, "passed": s.passed, "score": s.score,
         "speedup": s.speedup, "levels": s.levels}
        for s in samples
    ]  # fmt: skip
    return task


# A solution matches a tier when it is at most this much slower: the tier times and the
# solution's are separate measurements, each with about 1-3% noise (bench/self_ratio.py),
# so an exact tie with the expert would otherwise fall to the next tier half the time.
DPS_MATCH_TOLERANCE = 0.05

# Averaged over every task (a failure is 0); the others only over tasks where defined.
WHOLE_SUITE_METRICS = ("pass@", "eff@", "beyond@", "speedup", "dps_norm")


def summarize_run(
    results: Iterable[StoredResult], task_ids: Sequence[str], ks: Sequence[int] = (1,),
    seed: int = 0,
) -> dict[str, Any]:  # fmt: skip
    """{"summary": {...metrics, "ci95": {...}}, "tasks": {task_id: {...}}}.

    Each measurement carries the config it was measured with; its alpha sets the limits.
    """
    samples: dict[str, list[ScoredSolution]] = defaultdict(list)
    tiers: dict[str, list[ScoredSolution]] = defaultdict(list)
    gpu: dict[str, list[dict]] = defaultdict(list)
    for result in results:
        if result.measurement.get("kind") == "triton":
            gpu[result.task_id].append(score_triton(result.sample_key, result.measurement))
            continue
        alpha = result.measurement["config"]["alpha"]
        scored = score_measurement(result.sample_key, result.measurement, alpha)
        (samples if result.kind == "sample" else tiers)[result.task_id].append(scored)
    for group in samples.values():
        group.sort(key=lambda s: int(s.key.split(":")[1]))
    if gpu:
        return summarize_gpu_run(gpu, task_ids, ks, seed)
    tasks = {task_id: summarize_task(samples[task_id], tiers[task_id], ks) for task_id in task_ids}
    names = [f"pass@{k}" for k in ks] + [f"eff@{k}" for k in ks] + [f"beyond@{k}" for k in ks]
    names += ["speedup", "speedup_correct", "dps_norm", "net", "nmu", "ntmu"]
    summary: dict[str, Any] = {
        "tasks": len(task_ids),
        "tasks_with_samples": sum(bool(samples[t]) for t in task_ids),
    }
    ci95: dict[str, Any] = {}
    for name in names:
        values = [tasks[t][name] for t in task_ids]
        whole_suite = name.startswith(WHOLE_SUITE_METRICS) and name != "speedup_correct"
        if whole_suite and any(v is None for v in values):
            values = []  # k > n for some task, or no tier figures: not measured
        values = [v for v in values if v is not None]
        summary[name] = sum(values) / len(values) if values else None
        ci95[name] = list(metrics.bootstrap_ci(values, seed=seed)) if values else None
        if not whole_suite:
            summary[f"{name}_tasks"] = len(values)
    summary["ci95"] = ci95
    return {"summary": summary, "tasks": tasks}


def summarize_gpu_run(
    gpu: dict[str, list[dict]], task_ids: Sequence[str], ks: Sequence[int], seed: int
) -> dict[str, Any]:
    """GPU suites: pass@k and fast_p over every task; speedups over correct, timed samples."""
    for group in gpu.values():
        group.sort(key=lambda s: int(s["key"].split(":")[1]))
    tasks = {task_id: summarize_triton_task(gpu.get(task_id, []), ks) for task_id in task_ids}
    summary: dict[str, Any] = {
        "tasks": len(task_ids),
        "tasks_with_samples": sum(bool(gpu.get(t)) for t in task_ids),
    }
    ci95: dict[str, Any] = {}
    names = [f"pass@{k}" for k in ks] + [f"fast_{p:g}" for p in FAST_P_THRESHOLDS]
    for name in [*names, "speedup_eager", "speedup_expert"]:
        values = [tasks[t][name] for t in task_ids]
        if name in names and any(v is None for v in values):
            values = []  # not timed (no GPU) or k > n: not measured
        values = [v for v in values if v is not None]
        summary[name] = sum(values) / len(values) if values else None
        ci95[name] = list(metrics.bootstrap_ci(values, seed=seed)) if values else None
    summary["ci95"] = ci95
    return {"summary": summary, "tasks": tasks}
