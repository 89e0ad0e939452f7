"""The `function` kind: a Python function called on argument tuples, timed on the CPU.

Measured by measure.py in two sandboxes (the sample's and the expert's) pinned to the
worker's core; scored per level against the expert (metrics.level_score), with NET, NMU
and NTMU, and Beyond@k and DPS against the problem's slower tiers measured in the run.

A worker process measures one task's jobs in a row (executors/ sort them so): it keeps
the task's inputs (generated once) and the expert's sandbox, started when a sample first
passes the gate and reused by the task's next samples.
"""

from __future__ import annotations

import atexit
import functools
import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from codeeff import growth, kinds, metrics
from codeeff.measure import (
    CaseMeasurement,
    LevelInputs,
    LevelMeasurement,
    MeasureConfig,
    SolutionMeasurement,
    measure_solution,
    sandbox_limits,
)
from codeeff.problems import Problem, load_module, load_task
from codeeff.sandbox.base import Sandbox, SandboxBackend, Verdict
from codeeff.tracebacks import excerpt

NAME = "function"
REQUIRED_FILES: tuple[str, ...] = ()
USES_GPU = False
HAS_ENTRY_POINT = True
ASK = ("Complete the following Python function.",
       "the whole function (and any imports it needs)")  # fmt: skip
check_output_table = kinds.no_output_table
report_notes = kinds.no_report_notes
# A solution matches a tier when it is at most this much slower: the tier times and the
# solution's are separate measurements, each with about 1-3% noise (bench/self_ratio.py),
# so an exact tie with the expert would otherwise fall to the next tier half the time.
DPS_MATCH_TOLERANCE = 0.05


def whole_suite(name: str) -> bool:
    """Averaged over every task (a task without samples counts 0); the ratios of correct
    samples (speedup_correct, NET, NMU, NTMU) only over the tasks that have one."""
    return name.startswith(("pass@", "eff@", "beyond@")) or name in ("speedup", "dps_norm", "dps")


def metric_names(ks: Sequence[int]) -> list[str]:
    names = [f"pass@{k}" for k in ks] + [f"eff@{k}" for k in ks]
    return names + ["speedup", "speedup_correct", *[f"beyond@{k}" for k in ks], "dps_norm",
                    "dps", "net", "nmu", "ntmu"]  # fmt: skip


def checker(problem: Problem):
    """The generator's `check` where several answers are right; else None (equal)."""
    return getattr(problem.generator, "check", None)


def solver(problem: Problem, tier) -> Callable[[tuple], Any]:
    """The tier's entry point, called on an argument tuple (trusted, in this process);
    "Class.method" calls the method of a fresh instance, as the sandbox does."""
    module = load_module(tier.path, f"codeeff_tier_{problem.task_id}_{tier.name}")
    owner, _, method = problem.entry_point.rpartition(".")
    target = getattr(module, owner or method, None)
    if owner and isinstance(target, type) and callable(getattr(target, method, None)):
        return lambda args: getattr(target(), method)(*args)  # a fresh instance per call
    if not owner and callable(target):
        return lambda args: target(*args)
    raise ValueError(f"tier {tier.name} does not define {problem.entry_point}")


# --- validation ---------------------------------------------------------------------


@functools.cache
def _backend() -> SandboxBackend:
    from codeeff.sandbox.local import LocalBackend

    return LocalBackend()


def validate(problem: Problem):
    from codeeff.sandbox.local import default_cpu
    from codeeff.validate import validate_problem

    return validate_problem(problem, _backend(), cpu=default_cpu())


# --- measurement --------------------------------------------------------------------


@functools.lru_cache(maxsize=2)
def problem_levels(task_id: str, root: Path, salt: str) -> tuple[Problem, list[LevelInputs]]:
    """Inputs and the expert's answers for every level (trusted, computed in this process)."""
    problem = replace(load_task(task_id, root), input_salt=salt)
    levels = []
    for level in problem.levels:
        cases = [problem.generate(level, case) for case in range(level.cases)]
        if level.index == 0:
            # The gate also runs the problem's small random cases (the ones its tiers are
            # differentially tested on): a sample wrong on a class of small inputs fails,
            # even if the edge cases and the stress inputs miss that class.
            extra = problem.random_level()
            cases += [problem.generate(extra, case) for case in range(extra.cases)]
        levels.append(
            LevelInputs(
                level.name, level.weight, cases, problem.expected_outputs(level, cases), level.size
            )  # fmt: skip
        )
    return problem, levels


@dataclass
class _KeptReference:
    """The worker's open expert sandbox, for the task it measured last."""

    key: Any = None
    sandbox: Sandbox | None = None
    reused: bool = False  # the last `get` handed out one kept from an earlier job


_kept = _KeptReference()


def drop_kept_reference() -> None:
    sandbox, _kept.sandbox, _kept.key = _kept.sandbox, None, None
    if sandbox is not None:
        sandbox.close()


atexit.register(drop_kept_reference)


def _kept_reference(
    problem: Problem, config: MeasureConfig, backend: SandboxBackend, cpu: int | None
) -> Callable[[], Sandbox]:
    """The expert's sandbox for this problem, started on first use and kept for the next
    job of the same problem. It runs only the trusted expert; each job's inputs leave it
    when their case ends (measure.py)."""
    key = (problem.task_id, problem.input_salt, problem.expert.source, sandbox_limits(config))

    def get() -> Sandbox:
        if _kept.sandbox is not None and _kept.key == key:
            _kept.reused = True
            return _kept.sandbox
        drop_kept_reference()
        _kept.sandbox = backend.open(
            problem.expert.source, problem.entry_point, sandbox_limits(config), cpu=cpu
        )
        _kept.key = key
        return _kept.sandbox

    return get


def measure(
    problem: Problem, source: str, config: MeasureConfig, backend: SandboxBackend,
    cpu: int | None, root: Path,
) -> dict[str, Any]:  # fmt: skip
    """The measurement record of one solution (stored as is, scored by summarize_task)."""
    problem, levels = problem_levels(problem.task_id, root, problem.input_salt)
    for _attempt in range(2):
        _kept.reused = False
        measured = measure_solution(
            backend, source, problem.expert.source, problem.entry_point, levels,
            checker=problem.checker, config=config, cpu=cpu,
            reference=_kept_reference(problem, config, backend, cpu),
        )  # fmt: skip
        if measured.verdict != Verdict.SANDBOX_ERROR:
            break
        # The kept reference may be what failed (its process died since the last job):
        # the job is measured again with a fresh one, not charged with the old one's fault.
        reused = _kept.reused
        drop_kept_reference()
        if not reused:
            break
    return dict(measured.to_dict(), config=asdict(config), kind=NAME)


# --- scoring ------------------------------------------------------------------------


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
    time_s: float | None  # sum_l t_l over stress levels (EffiBench's time); None if unfinished
    reference_time_s: float | None
    peak_kb: int | None  # peak RSS over stress levels (EffiBench's max memory)
    reference_peak_kb: int | None
    levels: list[dict[str, Any]]
    error: str = ""  # an excerpt of the stored error (tracebacks.excerpt)
    feedback: dict[str, Any] = field(default_factory=dict)  # a correct sample's: feedback()
    counterexample: dict[str, Any] = field(default_factory=dict)  # a failed gate case's

    def to_dict(self) -> dict[str, Any]:
        """What a summary shows of a sample."""
        shown = {"key": self.key, "verdict": self.verdict, "passed": self.passed,
                 "score": self.score, "speedup": self.speedup, "levels": self.levels,
                 "error": self.error}  # fmt: skip
        if self.feedback:
            shown["feedback"] = self.feedback
        if self.counterexample:
            shown["counterexample"] = self.counterexample
        return shown


def score_measurement(key: str, measurement: dict) -> ScoredSolution:
    """Per-sample figures from the raw times; its own config's alpha sets the limits."""
    alpha = measurement["config"]["alpha"]
    measured = SolutionMeasurement.from_dict(measurement)
    enamel = measurement["config"].get("scoring") == "enamel"
    if enamel:  # levels it never reached (ENAMEL stops at a level break) score 0
        measured.levels += [
            LevelMeasurement(f"level{index}", weight, Verdict.TLE)
            for index, weight in enumerate(metrics.ENAMEL.level_weights)
        ][len(measured.levels) :]
    stress = measured.levels[1:]
    complete = (
        measured.passed
        and stress
        and all(level.cases or (enamel and level.verdict != Verdict.OK) for level in stress)
    )
    error = excerpt(measured.error)
    if not complete:
        return ScoredSolution(key, measured.verdict.value, False, 0.0, 0.0, None, None, None,
                              None, None, None, [], error,
                              counterexample=measured.counterexample)  # fmt: skip
    if enamel:
        weights, times, references, level_scores = _enamel_levels(
            stress, measured.reference_prepass_s
        )
        stress = [replace(level, cases=level.cases or [_unreached()]) for level in stress]
    else:
        weights = [level.weight for level in stress]
        times = [level.candidate_s for level in stress]
        references = [level.reference_s for level in stress]
        level_scores = [
            metrics.level_score(t, ref, alpha) for t, ref in zip(times, references, strict=True)
        ]
    censored = [
        t if math.isfinite(t) else level.limit_s for t, level in zip(times, stress, strict=True)
    ]
    levels = [
        {"name": lv.name, "weight": lv.weight, "verdict": lv.verdict.value,
         "t_s": t if math.isfinite(t) else None, "t_ref_s": ref, "limit_s": lv.limit_s,
         "score": f, "peak_kb": lv.candidate_peak_kb, "ref_peak_kb": lv.reference_peak_kb}
        for lv, t, ref, f in zip(stress, times, references, level_scores, strict=True)
    ]  # fmt: skip
    return ScoredSolution(
        key=key,
        verdict=measured.verdict.value,
        passed=True,
        score=metrics.sample_score(level_scores, weights, True),
        speedup=metrics.speedup(references, times, weights),
        runtime_s=metrics.weighted_runtime(censored, weights),
        reference_runtime_s=metrics.weighted_runtime(references, weights),
        time_s=sum(times) if all(math.isfinite(t) for t in times) else None,
        reference_time_s=sum(references),
        peak_kb=max(lv.candidate_peak_kb for lv in stress),
        # A peak of 0 (a reference whose RSS did not grow) would make the ratio undefined.
        reference_peak_kb=max(1, max(lv.reference_peak_kb for lv in stress)),
        levels=levels,
        error=error,
        feedback=feedback(stress, levels),
    )


def feedback(stress: list[LevelMeasurement], levels: list[dict[str, Any]]) -> dict[str, Any]:
    """What an agent can act on beyond the score: how its time grows with input size
    next to the expert's (growth.py), and the stress level where it falls furthest
    behind the expert, with that level's share of its time."""
    finished = [lv for lv in levels if lv["t_s"] is not None and lv["t_ref_s"]]
    shown: dict[str, Any] = {"growth": growth.growth(stress)}
    timed_out = [lv for lv in levels if lv["t_s"] is None]
    if timed_out:  # over its limit there: nothing costs it more
        shown["costliest_level"] = {"name": timed_out[0]["name"], "ratio_to_expert": None,
                                    "share_of_time": None}  # fmt: skip
    elif finished:
        total = sum(lv["t_s"] for lv in finished)
        worst = max(finished, key=lambda lv: lv["t_s"] / lv["t_ref_s"])
        shown["costliest_level"] = {
            "name": worst["name"], "ratio_to_expert": worst["t_s"] / worst["t_ref_s"],
            "share_of_time": worst["t_s"] / total if total > 0 else None,
        }  # fmt: skip
    return shown


def _unreached() -> CaseMeasurement:
    """A level ENAMEL's rule did not run (or broke off): no times, so its figures are
    the ones a timed-out level has."""
    return CaseMeasurement(verdict=Verdict.TLE)


def _enamel_levels(
    stress: list[LevelMeasurement], prepass_s: Sequence[float]
) -> tuple[list, list, list, list]:
    """ENAMEL's definition (metrics.EnamelPreset): a level's time is its slowest case's,
    each case's time the Hodges-Lehmann estimate of its repeats (the candidate's and the
    expert's alike); one limit T = alpha x the slowest reference level; the preset's
    level weights. A level that broke off (out of time or memory, or overflowed) and the
    levels after it, which ENAMEL does not run, score 0; their reference times are the
    ones the run before the timing measured (`prepass_s`). Returns (weights, times,
    reference times, level scores)."""
    preset = metrics.ENAMEL
    weights = list(preset.level_weights[1:])
    if len(weights) != len(stress):
        raise ValueError(f"ENAMEL's preset scores {len(weights)} stress levels, not {len(stress)}")

    def level_time(level: LevelMeasurement, series: str) -> float:
        if series == "candidate_cpu_s" and level.verdict != Verdict.OK:
            return math.inf
        return max(metrics.hodges_lehmann(getattr(case, series)) for case in level.cases)

    def reference_time(index: int, level: LevelMeasurement) -> float:
        measured = [case for case in level.cases if case.reference_cpu_s]
        if measured:
            return max(metrics.hodges_lehmann(case.reference_cpu_s) for case in measured)
        if index < len(prepass_s) and prepass_s[index] > 0:
            return prepass_s[index]
        raise ValueError(f"level {level.name} has no reference time (stored before prepasses?)")

    times = [level_time(level, "candidate_cpu_s") for level in stress]
    references = [reference_time(index, level) for index, level in enumerate(stress)]
    limit_s = preset.time_limit_s([0.0, *references])  # level 0 (weight 0) takes no part
    scores = [
        metrics.level_score_with_limit(t, ref, limit_s)
        for t, ref in zip(times, references, strict=True)
    ]
    return weights, times, references, scores


def _effibench(correct: list[ScoredSolution]) -> dict[str, float | None]:
    """NET, NMU and NTMU over the correct samples (NET and NTMU over those that finished
    every level: a timed-out level has no time)."""
    finished = [s for s in correct if s.time_s is not None]
    return {
        "net": metrics.net([s.time_s for s in finished], [s.reference_time_s for s in finished])
        if finished else None,
        "nmu": metrics.nmu([s.peak_kb for s in correct], [s.reference_peak_kb for s in correct])
        if correct else None,
        "ntmu": metrics.ntmu([s.peak_kb * s.time_s for s in finished],
                             [s.reference_peak_kb * s.reference_time_s for s in finished])
        if finished else None,
    }  # fmt: skip


def summarize_task(samples: list, tiers: list, ks: Sequence[int]) -> dict[str, Any]:
    """Metrics of one task over its n samples (stored results, in file order) and its
    tiers measured in the same run. A task without samples is a failure (0), never
    dropped; a metric that cannot be computed (k > n, no tiers) is None."""
    scored = [score_measurement(r.sample_key, r.measurement) for r in samples]
    ladder_tiers = [score_measurement(r.sample_key, r.measurement) for r in tiers]
    n, c = len(scored), sum(s.passed for s in scored)
    task: dict[str, Any] = {"n": n, "correct": c}
    if n == 0:
        task.update({f"{name}@{k}": 0.0 for name in ("pass", "eff", "beyond") for k in ks})
        task.update(speedup=0.0, dps_norm=0.0, dps=None, speedup_correct=None, net=None,
                    nmu=None, ntmu=None, samples=[])  # fmt: skip
        return task
    for k in ks:
        task[f"pass@{k}"] = metrics.pass_at_k(n, c, k) if n >= k else None
        task[f"eff@{k}"] = metrics.eff_at_k([s.score for s in scored], k) if n >= k else None
    speedups = metrics.mean_speedup([s.speedup for s in scored], [s.passed for s in scored])
    task["speedup"], task["speedup_correct"] = speedups.speedup_all, speedups.speedup_correct
    task.update(_effibench([s for s in scored if s.passed]))
    tier_runtimes = [t.runtime_s for t in ladder_tiers if t.runtime_s is not None]
    expert_runtimes = [s.reference_runtime_s for s in scored + ladder_tiers
                       if s.reference_runtime_s]  # fmt: skip
    task["dps_norm"] = task["dps"] = None
    for k in ks:
        task[f"beyond@{k}"] = None
    if tier_runtimes and expert_runtimes:
        expert_runtime = sorted(expert_runtimes)[len(expert_runtimes) // 2]
        ladder = sorted([*tier_runtimes, expert_runtime], reverse=True)  # slow to fast
        # A sample over the time limit (TLE) fails Beyond and DPS, as a timeout fails in
        # Mercury and EvalPerf: its runtime, censored at alpha x the expert's, is only a
        # lower bound, which slower tiers (timed up to a higher cap) would otherwise lie
        # above, and the slowest tier's own code would rank above its own rung.
        runtimes = [
            s.runtime_s if s.passed and s.verdict != Verdict.TLE.value else None for s in scored
        ]
        beyond = [metrics.beyond_score(r, ladder) for r in runtimes]
        for k in ks:
            task[f"beyond@{k}"] = metrics.beyond_at_k(beyond, k) if n >= k else None
        # A tie with a tier is within the two measurements' noise (DPS_MATCH_TOLERANCE).
        matched = [None if r is None else r / (1 + DPS_MATCH_TOLERANCE) for r in runtimes]
        task["dps_norm"] = sum(metrics.dps_norm(r, ladder) for r in matched) / n
        task["dps"] = _source_dps(matched, ladder_tiers, tiers, expert_runtime)
        task["tier_runtimes_s"] = {t.key.removeprefix("tier:"): t.runtime_s for t in ladder_tiers}
        task["expert_runtime_s"] = expert_runtime
    task["samples"] = [s.to_dict() for s in scored]
    return task


def _source_dps(
    runtimes: list[float | None], scored_tiers: list, stored_tiers: list, expert_runtime: float
) -> float | None:
    """EvalPerf's DPS with the source's own scores of each rung (an imported EvalPerf
    problem's tiers.toml `scores`), over the rungs as measured in this run: a sample
    scores the score of the fastest rung it is as fast as. Where this run's measured
    order of two rungs differs from the source's, a rung keeps at least the score of
    every slower one (scores must be cumulative). None without source scores."""
    scores = next((t.measurement.get("source_scores") for t in stored_tiers), None)
    if not scores:
        return None
    rungs = [(t.runtime_s, scores[t.key.removeprefix("tier:")]) for t in scored_tiers
             if t.runtime_s is not None]  # fmt: skip
    rungs = sorted([*rungs, (expert_runtime, scores["expert"])], key=lambda rung: -rung[0])
    cumulative = list(itertools.accumulate((score for _, score in rungs), max))
    times = [time for time, _ in rungs]
    return sum(metrics.dps(r, times, cumulative) for r in runtimes) / len(runtimes)
