"""`codeeff problems validate`: prove each problem sound before anyone is scored on it.

Checks, each named in the report: the generator is deterministic per seed and its
values cross the sandbox boundary; its stress inputs change with the run's input salt
(else a sample could carry their answers; an imported problem whose source published
fixed inputs says so as a warning); every tier agrees with the expert on level 0 and on
the random cases (differential testing; a brute-force tier acts as the oracle); the
expert's CPU time on each stress level, measured in the sandbox, lies in the level's
budget; and the slowest tier is at least [validation] min_discrimination (default 3) x
slower than the expert on the top level (the generator discriminates).
"""

from __future__ import annotations

import copy
import statistics
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from codeeff import codec
from codeeff.measure import outputs_equal
from codeeff.problems import Problem
from codeeff.sandbox.base import SandboxBackend, SandboxLimits, Verdict

TIMING_REPEATS = 3
# The slowest tier is stopped at this multiple of the expert's time: enough to show it
# discriminates without waiting minutes for a quadratic tier.
SLOW_TIER_CAP_FACTOR = 10.0
SLOW_TIER_CAP_S = 30.0


@dataclass
class ProblemReport:
    task_id: str
    failures: list[str] = field(default_factory=list)
    checks: dict[str, bool] = field(default_factory=dict)
    expert_ms: dict[str, float] = field(default_factory=dict)  # stress level -> worst case
    slowest_tier: str = ""
    slowest_ratio: float | None = None
    slowest_ratio_is_lower_bound: bool = False
    note: str = ""  # e.g. why a figure is missing
    # Kinds timed on a GPU, per stress level: the expert's and eager's ms, the speedup
    # and the fraction of the device's peak bandwidth / FLOP rate the expert reached.
    levels: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # said, but not failures

    @property
    def ok(self) -> bool:
        return not self.failures

    def as_dict(self) -> dict:
        return dict(asdict(self), ok=self.ok)

    def fail(self, check: str, message: str) -> None:
        self.checks[check] = False
        self.failures.append(f"{check}: {message}")


def _answers_agree(problem: Problem, args: tuple, expected: Any, actual: Any) -> bool:
    if problem.checker is not None:
        return bool(problem.checker(args, expected, actual))
    return outputs_equal(expected, actual)


def check_determinism(problem: Problem, report: ProblemReport) -> None:
    report.checks["deterministic"] = True
    levels = [*problem.levels, problem.random_level()]
    for level in levels:
        for case in range(min(level.cases, 20)):
            try:
                first = codec.encode(problem.generate(level, case))
            except codec.CodecError as error:
                report.fail("deterministic", f"level {level.name} case {case}: {error}")
                return
            if first != codec.encode(problem.generate(level, case)):
                report.fail(
                    "deterministic",
                    f"level {level.name} case {case}: two generations with one seed differ",
                )
                return


def check_fresh_inputs(problem: Problem, report: ProblemReport) -> None:
    """Every scored level's inputs must change with the salt an evaluation run draws: the
    published seeds are public, so fixed inputs could have their answers written into a
    sample (a table lookup that beats any algorithm)."""
    report.checks["fresh_inputs"] = True
    fixed = problem.source.get("fixed_inputs", "none")
    if fixed != "none":
        # Published so (an imported problem): said with every report, not failed.
        report.checks["fresh_inputs"] = False
        report.warnings.append(
            f"{fixed} of its scored inputs are fixed as {problem.source.get('name', 'its source')} "
            "published them: a sample could carry their answers"
        )
        return
    salted = replace(problem, input_salt="validation")
    for level in problem.levels:
        for case in range(level.cases if level.weight else 0):
            if codec.encode(problem.generate(level, case)) == codec.encode(
                salted.generate(level, case)
            ):
                report.fail(
                    "fresh_inputs",
                    f"level {level.name} case {case}: the input ignores the seed "
                    "(draw it from the rng argument)",
                )
                return


def check_tiers_agree(problem: Problem, report: ProblemReport) -> None:
    report.checks["tiers_agree"] = True
    try:
        functions = {tier.name: problem.solver(tier) for tier in problem.tiers}
    except ValueError as error:
        report.fail("tiers_agree", str(error))
        return
    expert = functions.pop("expert")
    for level in (problem.levels[0], problem.random_level()):
        for case in range(level.cases):
            args = problem.generate(level, case)
            expected = expert(copy.deepcopy(args))
            for name, function in functions.items():
                try:
                    actual = function(copy.deepcopy(args))
                    agree = _answers_agree(problem, args, expected, actual)
                except Exception as error:  # a crashing tier is a disagreeing tier
                    actual, agree = f"raised {error!r}", False
                if not agree:
                    shown = repr(args)[:200]
                    report.fail(
                        "tiers_agree",
                        f"tier {name} disagrees with expert on level {level.name} case {case} "
                        f"args={shown}: expert={expected!r:.100} {name}={actual!r:.100}",
                    )
                    return


def _time_in_sandbox(
    backend: SandboxBackend,
    problem: Problem,
    source: str,
    inputs: list[tuple],
    cpu_limit_s: float,
    cpu: int | None,
    repeats: int = TIMING_REPEATS,
) -> list[tuple[Verdict, float, str]]:
    """(verdict, median CPU seconds, error) per input for one solution, in the sandbox."""
    limits = SandboxLimits(memory_mb=problem.limits.memory_mb)
    results = []
    with backend.open(source, problem.entry_point, limits, cpu=cpu) as sandbox:
        for key, args in enumerate(inputs):
            sandbox.add_input(key, args)
            runs = []
            for _ in range(repeats):
                run = sandbox.run(key, cpu_limit_s, cpu_limit_s * 2 + 1)
                if run.verdict != Verdict.OK:
                    results.append((run.verdict, run.cpu_s, run.error))
                    break
                runs.append(run.cpu_s)
            else:
                results.append((Verdict.OK, statistics.median(runs), ""))
            sandbox.forget(key)
    return results


def check_timing(
    problem: Problem, report: ProblemReport, backend: SandboxBackend, cpu: int | None
) -> None:
    report.checks["expert_budget"] = True
    stress = problem.levels[1:]
    if not stress:
        report.fail("expert_budget", "no stress level")
        return
    top_inputs: list[tuple] = []
    top_expert_s = 0.0
    for level in stress:
        inputs = [problem.generate(level, case) for case in range(level.cases)]
        timed = _time_in_sandbox(backend, problem, problem.expert.source, inputs, 5.0, cpu)
        bad = [(verdict, error) for verdict, _, error in timed if verdict != Verdict.OK]
        if bad:
            verdict, error = bad[0]
            report.fail(
                "expert_budget", f"expert got {verdict.value} on level {level.name}: {error}"
            )
            return
        worst_ms = max(seconds for _, seconds, _ in timed) * 1000
        report.expert_ms[level.name] = round(worst_ms, 2)
        low, high = level.budget_ms
        if not low <= worst_ms <= high:
            report.fail(
                "expert_budget",
                f"level {level.name}: expert takes {worst_ms:.1f} ms, budget {low:g}..{high:g} ms",
            )
        top_inputs, top_expert_s = inputs, timed[0][1]
    # The slowest tier on the top level's first case, against the expert on that case.
    check_discrimination(problem, report, backend, cpu, top_inputs[:1], top_expert_s)


def check_discrimination(
    problem: Problem,
    report: ProblemReport,
    backend: SandboxBackend,
    cpu: int | None,
    inputs: list[tuple],
    expert_s: float,
) -> None:
    report.checks["discriminates"] = True
    required = problem.validation.min_discrimination
    if len(problem.tiers) < 2:
        if required > 0:
            report.fail("discriminates", "needs at least one tier slower than the expert")
        return
    slowest = problem.tiers[0]
    report.slowest_tier = slowest.name
    cap_s = min(SLOW_TIER_CAP_S, max(expert_s * SLOW_TIER_CAP_FACTOR, 0.05))
    ((verdict, seconds, error),) = _time_in_sandbox(
        backend, problem, slowest.source, inputs, cap_s, cpu, repeats=1
    )
    if verdict == Verdict.TLE:
        report.slowest_ratio = round(cap_s / expert_s, 2)
        report.slowest_ratio_is_lower_bound = True
    elif verdict != Verdict.OK:
        message = f"slowest tier {slowest.name} got {verdict.value}: {error}"
        if required > 0:
            report.fail("discriminates", message)
        else:  # the source's tier (no gap promised): its failure is said, not the problem's
            report.warnings.append(message.strip().splitlines()[-1] if message else message)
        return
    else:
        report.slowest_ratio = round(_interleaved_ratio(problem, backend, cpu, inputs[0], cap_s), 2)
    if report.slowest_ratio < required:
        report.fail(
            "discriminates",
            f"slowest tier {slowest.name} is only {report.slowest_ratio:.2f}x slower than the "
            f"expert on the top level (need >= {required:g}x)",
        )


def _interleaved_ratio(
    problem: Problem, backend: SandboxBackend, cpu: int | None, args: tuple, cap_s: float
) -> float:
    """The slowest tier's time over the expert's on one input, the two run in turn
    (expert, slowest, expert, ...) in two sandboxes open at once, so that a burst of load
    on the machine lands on both sides instead of moving the ratio (timed apart, a
    2.4x gap once read 1.5x)."""
    limits = SandboxLimits(memory_mb=problem.limits.memory_mb)
    times: dict[str, list[float]] = {"expert": [], "slowest": []}
    with (
        backend.open(problem.expert.source, problem.entry_point, limits, cpu=cpu) as expert,
        backend.open(problem.tiers[0].source, problem.entry_point, limits, cpu=cpu) as slowest,
    ):
        for sandbox in (expert, slowest):
            sandbox.add_input(0, args)
        for _ in range(TIMING_REPEATS):
            for name, sandbox in (("expert", expert), ("slowest", slowest)):
                run = sandbox.run(0, cap_s, cap_s * 2 + 1)
                if run.verdict == Verdict.OK:
                    times[name].append(run.cpu_s)
                elif run.verdict == Verdict.TLE:  # at the cap: a lower bound, kept as one
                    times[name].append(cap_s)
    if not times["expert"] or not times["slowest"]:
        return 0.0  # a run that failed here passed before: the machine, said as no gap
    return statistics.median(times["slowest"]) / statistics.median(times["expert"])


def validate_problem(
    problem: Problem, backend: SandboxBackend, cpu: int | None = None
) -> ProblemReport:
    """Run every check on one problem; never raises for a broken problem."""
    report = ProblemReport(problem.task_id)
    steps = (
        lambda: check_determinism(problem, report),
        lambda: check_fresh_inputs(problem, report),
        lambda: check_tiers_agree(problem, report),
        lambda: check_timing(problem, report, backend, cpu),
    )
    for step in steps:
        try:
            step()
        except Exception as error:  # a broken generator or tier is a finding, not a crash
            report.fail("load", f"{type(error).__name__}: {error}")
        if report.failures:
            break
    return report
