"""Metrics of stored GPU (Triton) measurements: correctness, speedups, fast_p, % of peak.

Pure functions over the records runner.measure_triton stores. Speedups are ratios of
medians of the interleaved CUDA-event times, per stress level, combined as a weighted
geometric mean. Without timing (CPU interpreter) every time-based figure is None.
"""

from __future__ import annotations

import math
import statistics
from typing import Any

from codeeff import metrics
from codeeff.gpu.roofline import compute_dtype, fraction_of_peak
from codeeff.tracebacks import excerpt

FAST_P_THRESHOLDS = (0.0, 0.5, 1.0, 1.5, 2.0)
EVENT_RESOLUTION_MS = 0.0005  # CUDA events: about half a microsecond


def _weighted_geomean(ratios: list[float], weights: list[float]) -> float:
    return math.exp(
        sum(w * math.log(r) for r, w in zip(ratios, weights, strict=True)) / sum(weights)
    )


def score_triton(key: str, record: dict) -> dict[str, Any]:
    """Per-sample figures; speedups are None when timing was not measured."""
    scored: dict[str, Any] = {
        "key": key,
        "verdict": record["verdict"],
        "passed": record["passed"],
        "speedup_eager": None,
        "speedup_expert": None,
        "levels": [],
        "error": excerpt(record.get("error") or ""),
    }
    levels = [lv for lv in record.get("levels", []) if lv["candidate_ms"]]
    if not record["passed"] or not levels:
        return scored
    device = (record.get("device") or {}).get("gpu")
    no_expert = bool(record.get("expert_is_eager"))
    weights = [lv["weight"] for lv in levels]
    vs_eager, vs_expert = [], []
    for level in levels:
        cases = level.get("cases")
        candidate = level_time(level["candidate_ms"], cases)
        eager = level_time(level["eager_ms"], cases)
        expert = level_time(level["expert_ms"], cases)
        vs_eager.append(eager / candidate)
        vs_expert.append(expert / candidate)
        dtype = compute_dtype(level["params"])
        scored["levels"].append({
            "name": level["name"], "candidate_ms": candidate, "eager_ms": eager,
            "expert_ms": expert,
            "candidate_cv": within_case_cv(level["candidate_ms"], cases),
            "expert_cv": within_case_cv(level["expert_ms"], cases),
            "eager_cv": within_case_cv(level["eager_ms"], cases),
            "tail_charge_ms": level.get("tail_charge_ms"),
            # The GPU's state after each burst (power.py); None: an older record.
            "power": level.get("power"),
            "power_capped": (level.get("power") or {}).get("power_capped"),
            # 95% CI half-widths of the three times (None: too few rounds; older records: absent)
            "precision": level.get("precision"),
            "candidate_peak": fraction_of_peak(device, dtype, level["bytes"], level["flops"],
                                               candidate / 1000),
            "expert_peak": fraction_of_peak(device, dtype, level["bytes"], level["flops"],
                                            expert / 1000),
        })  # fmt: skip
        if no_expert:  # the "expert" timed was the eager reference again
            scored["levels"][-1].update(expert_ms=None, expert_cv=None, expert_peak=None)
    scored["speedup_eager"] = _weighted_geomean(vs_eager, weights)
    scored["speedup_expert"] = None if no_expert else _weighted_geomean(vs_expert, weights)
    return scored


def by_case(values: list[float], cases: list[int] | None) -> dict[int, list[float]]:
    groups: dict[int, list[float]] = {}
    for value, case in zip(values, cases or [0] * len(values), strict=True):
        groups.setdefault(case, []).append(value)
    return groups


def level_time(values: list[float], cases: list[int] | None) -> float:
    """Geometric mean over the level's cases of each case's median time.

    Cases differ in their data (value distributions), and some code runs at a
    different speed on each (PyTorch's softmax did: 0.21 vs 0.31 ms); one median over
    the mixture would land anywhere between the two, depending on the call counts.
    """
    medians = [statistics.median(group) for group in by_case(values, cases).values()]
    # An empty window reads 0; count it as the events' resolution, not as infinitely fast.
    return math.exp(sum(math.log(max(m, EVENT_RESOLUTION_MS)) for m in medians) / len(medians))


T_975 = (12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228)  # df 1..10


def _t_quantile_975(df: int) -> float:
    """Student's t 97.5% quantile: a table to 10 degrees of freedom, beyond it the
    Cornish-Fisher expansion (within 0.1% there)."""
    if df <= len(T_975):
        return T_975[df - 1]
    z = 1.959964
    return z + (z**3 + z) / (4 * df) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df * df)


def level_precision(values: list[float], cases: list[int] | None, burst: int) -> float:
    """Relative half-width of a 95% confidence interval of `level_time`, from the spread
    of the medians of whole rounds (inf when too few rounds to tell).

    Calls of one round run back to back in one power state: a compute-bound kernel
    that meets the H200's power cap changes speed with the SM clock by several percent
    from one round to the next, while its calls within a round agree to 0.1-0.4%. So
    rounds, not calls, are the independent samples: each round median is compared with
    its case's median (log scale), the deviations are pooled over cases (R rounds, C
    cases, R - C degrees of freedom), and the level's error is that spread over sqrt(R).
    """
    case_list = cases or [0] * len(values)
    rounds = [
        (case_list[i], statistics.median(values[i : i + burst]))
        for i in range(0, len(values) - burst + 1, burst)
    ]
    groups = by_case([max(m, EVENT_RESOLUTION_MS) for _, m in rounds], [c for c, _ in rounds])
    freedom = len(rounds) - len(groups)
    if freedom < 1:
        return math.inf
    squares = 0.0
    for group in groups.values():
        center = statistics.median(group)
        squares += sum(math.log(m / center) ** 2 for m in group)
    spread = math.sqrt(squares / freedom)
    return math.expm1(_t_quantile_975(freedom) * spread / math.sqrt(len(rounds)))


def within_case_cv(values: list[float], cases: list[int] | None) -> float:
    """Robust coefficient of variation of repeated calls on the same kind of input:
    1.4826 x the median absolute deviation of each time from its case's median,
    relative to that median."""
    groups = by_case(values, cases)
    medians = {case: statistics.median(group) for case, group in groups.items()}
    if not all(medians.values()):
        return math.nan
    relative = [abs(value / medians[case] - 1) for case, group in groups.items() for value in group]
    return 1.4826 * statistics.median(relative)


def summarize_triton_task(samples: list[dict], ks) -> dict[str, Any]:
    n, c = len(samples), sum(s["passed"] for s in samples)
    task: dict[str, Any] = {"n": n, "correct": c}
    for k in ks:
        task[f"pass@{k}"] = metrics.pass_at_k(n, c, k) if n >= k else (0.0 if n == 0 else None)
    timed = n > 0 and all(s["speedup_eager"] is not None or not s["passed"] for s in samples)
    timed = timed and any(s["speedup_eager"] is not None for s in samples)
    for p in FAST_P_THRESHOLDS:
        task[f"fast_{p:g}"] = (
            metrics.fast_p([s["passed"] for s in samples],
                           [s["speedup_eager"] or 0.0 for s in samples], p)
            if timed else (0.0 if n == 0 else None)
        )  # fmt: skip
    for name in ("speedup_eager", "speedup_expert"):
        correct = [s[name] for s in samples if s["passed"] and s[name] is not None]
        task[name] = (math.exp(sum(math.log(value) for value in correct) / len(correct))
                      if correct else None)  # fmt: skip
    # Timed levels of correct samples measured while a power limit held the clock down.
    task["power_capped_levels"] = sum(
        bool(level.get("power_capped")) for s in samples if s["passed"] for level in s["levels"]
    )
    task["samples"] = samples
    return task


def power_notes(tasks: dict[str, dict]) -> list[str]:
    """A report's footnote naming the tasks with levels timed under a power cap: their
    compute-bound times vary more from run to run (bench/results/gpu_tasks_h200.md)."""
    capped = {task_id: t["power_capped_levels"] for task_id, t in tasks.items()
              if t.get("power_capped_levels")}  # fmt: skip
    if not capped:
        return []
    listed = ", ".join(f"{task_id} ({n})" for task_id, n in sorted(capped.items()))
    return [f"power-capped: timed levels measured while a power limit held the GPU clock "
            f"down (the speedups there vary more run to run): {listed}"]  # fmt: skip
