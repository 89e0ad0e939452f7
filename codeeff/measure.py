"""Measure one solution against one problem's inputs, interleaved with the reference.

Independent of the problem suite: the caller passes the candidate's source, the
levels (argument tuples and expected outputs), an optional checker and the
reference's source. The flow:

1. Level 0 is a correctness gate: every case once, answers checked.
2. Each stress level, case by case: reference and candidate run the same input in
   alternating order (ABBA) in two sandboxes pinned to the same CPU, every answer of
   every timed run is checked, repeats continue until both medians are tight or a
   cap is reached. A candidate run over alpha x the reference's time (with a floor)
   is killed; a kill counts as a strike only if the reference, run right after it,
   shows the host calm (a burst of load slows both). Confirmed strikes make TLE for
   that level, which scores 0 there but is not a wrong answer; a host that never
   settles makes a SANDBOX_ERROR, the harness's failure, not the candidate's.

Times are CPU seconds of the reaped child (kernel accounting), never a clock the
candidate could touch.
"""

from __future__ import annotations

import math
import reprlib
import statistics
import time
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from operator import countOf
from typing import Any

from codeeff import metrics
from codeeff.metrics import hodges_lehmann, hodges_lehmann_ci
from codeeff.sandbox.base import (
    RunResult,
    Sandbox,
    SandboxBackend,
    SandboxError,
    SandboxLimits,
    SolutionLoadError,
    Verdict,
)

Checker = Callable[[tuple, Any, Any], bool]

# A kill is evidence against the candidate only if the reference, run right after it on
# the same input (the witness), took at most WITNESS_MARGIN x 1/alpha of the limit the
# candidate was killed at: the candidate then took at least alpha / 1.1 (1.82 at the
# default alpha of 2) times what the reference took in the same conditions. (An earlier
# rule let the witness take 1.25x the reference's median: a burst of 20-25% that slowed
# both runs then struck a sample at 1.6-1.7x the reference as TLE in some runs and not in
# others; now such a burst strikes it only if it slowed the sample's run 9% more than
# its witness.) A witness over that makes the kill no evidence: the run is measured
# again with the limit widened by the slowdown the witness showed, so that under a load
# that does not pass a kill still tells a candidate over alpha x the reference from one
# the load slowed as much as it. A margin of 1 (no slack) was tried: about half of all
# witnesses then read as disturbed, 21% more kills than at 1.1 (/tmp/witness_ab.py,
# fourth session), and under a noisy host a slower tier ran out of retries
# (SANDBOX_ERROR) where 1.1 leaves the witness room for its calm spread.
WITNESS_MARGIN = 1.1
# Kills with a disturbed witness that end one candidate run as not judgeable
# (SANDBOX_ERROR). With the pauses below, the retries before it span about 3 s: longer
# than a burst of load from another program, short enough to bound what an infinite
# loop on a noisy host costs.
MAX_DISTURBED_KILLS = 6
# The most a candidate's kill limit is widened for a load that its witness showed.
MAX_LOAD_SCALE = 4.0
# Pause after a disturbed kill, doubled each time: retrying at once lands in the same
# burst (a 10 ms case would spend every retry within a tenth of a second of it).
SETTLE_PAUSE_S = 0.1
HARNESS_RETRIES = 2  # a run that failed as the sandbox's fault is made again this often
# Right answers to one input remembered by their bytes (`_checked`): two solutions, and
# room for an answer whose encoding varies between runs (a set's order may).
MAX_ACCEPTED_ANSWERS = 4


@dataclass
class LevelInputs:
    """One level of a problem: argument tuples and the expert's answers for them."""

    name: str
    weight: float
    cases: Sequence[tuple]
    expected: Sequence[Any]
    size: float | None = None  # the input size the level declares (problem.toml `size`)


@dataclass(frozen=True)
class MeasureConfig:
    alpha: float = 2.0  # candidate time limit = alpha x reference time
    time_floor_s: float = 0.01  # ... but a run is never killed below this
    gate_cpu_limit_s: float = 2.0  # per case on level 0
    min_repeats: int = 5
    max_repeats: int = 25
    # A case has been measured enough (`case_is_decided`) once the level score's 95% CI
    # is within +-score_precision (or the ratio is surely over alpha) and the reference's
    # time's within +-reference_precision.
    # +-0.03 per case (95%): a task's score (three levels, weights 1, 1, 2) then moves by
    # about +-0.018 from run to run, a suite's eff@1 by far less. Pairs here scatter by
    # 3-5% on a calm host, so +-0.01 took more than max_repeats; +-0.03 takes ~6-12 pairs
    # there (up to max_repeats where runs of one input scatter by 10%, as on a busy host).
    score_precision: float = 0.03
    reference_precision: float = 0.04
    # "codeeff": a limit and a score per level (alpha x that level's reference time).
    # "enamel": ENAMEL's definition (evaluate --preset enamel): one limit per problem,
    # alpha x the slowest reference level, for killing and for scoring (kinds/function).
    scoring: str = "codeeff"
    max_case_seconds: float = 20.0  # wall budget for the repeats of one case
    tle_strikes: int = 2  # kills needed for TLE, each confirmed by a calm witness
    memory_mb: int = 512


@dataclass
class CaseMeasurement:
    """Raw CPU times of one input. reference_cpu_s[0] is the run that set the first limit;
    after it, candidate_cpu_s[i] and reference_cpu_s[i + 1] ran back to back (a pair).

    witness_cpu_s: the reference runs made right after a candidate was killed, to tell a
    slow candidate from a disturbed host; kept apart so that they pair with nothing and
    leave the medians alone (records stored before they existed load with none)."""

    candidate_cpu_s: list[float] = field(default_factory=list)
    reference_cpu_s: list[float] = field(default_factory=list)
    witness_cpu_s: list[float] = field(default_factory=list)
    candidate_peak_kb: int = 0  # peak RSS of the process (interpreter included)
    reference_peak_kb: int = 0
    candidate_extra_kb: int = 0  # peak RSS above the zygote's at fork: the solution's own
    reference_extra_kb: int = 0
    limit_s: float = 0.0
    verdict: Verdict = Verdict.OK

    @classmethod
    def from_dict(cls, data: dict) -> CaseMeasurement:
        return cls(**dict(data, verdict=Verdict(data["verdict"])))

    @property
    def pair_ratios(self) -> list[float]:
        pairs = zip(self.candidate_cpu_s, self.reference_cpu_s[1:], strict=False)
        return [c / r for c, r in pairs if r > 0]

    @property
    def ratio(self) -> float:
        """Candidate / reference time: Hodges-Lehmann estimate over the paired log ratios.

        Pairing cancels what drifts over a measurement (load on the other core, clock
        changes) since both runs of a pair see it; this is tighter than a ratio of
        two independent medians.
        """
        ratios = self.pair_ratios
        if not ratios:
            return math.inf
        return math.exp(hodges_lehmann([math.log(r) for r in ratios]))

    @property
    def candidate_s(self) -> float:
        """The candidate's time: the reference's median scaled by the paired ratio."""
        if not self.candidate_cpu_s:
            return math.inf
        return self.reference_s * self.ratio

    @property
    def reference_s(self) -> float:
        return statistics.median(self.reference_cpu_s) if self.reference_cpu_s else math.nan


@dataclass
class LevelMeasurement:
    name: str
    weight: float
    verdict: Verdict = Verdict.OK
    cases: list[CaseMeasurement] = field(default_factory=list)
    size: float | None = None  # the level's declared input size, for growth.py

    @property
    def candidate_s(self) -> float:
        """Worst case over the level's cases of the candidate's median CPU time."""
        if self.verdict == Verdict.TLE:
            return math.inf
        return max(case.candidate_s for case in self.cases)

    @property
    def reference_s(self) -> float:
        return max(case.reference_s for case in self.cases)

    @property
    def limit_s(self) -> float:
        return max(case.limit_s for case in self.cases)

    @classmethod
    def from_dict(cls, data: dict) -> LevelMeasurement:
        """Rebuild from stored raw figures (every metric is recomputed from these)."""
        return cls(
            data["name"], data["weight"], Verdict(data["verdict"]),
            [CaseMeasurement.from_dict(case) for case in data["cases"]], data.get("size"),
        )  # fmt: skip

    @property
    def candidate_peak_kb(self) -> int:
        return max(case.candidate_peak_kb for case in self.cases)

    @property
    def reference_peak_kb(self) -> int:
        return max(case.reference_peak_kb for case in self.cases)


@dataclass
class SolutionMeasurement:
    """Everything measured for one solution on one problem."""

    verdict: Verdict
    passed: bool  # correct on every answer it gave (a TLE level does not fail it)
    error: str = ""
    levels: list[LevelMeasurement] = field(default_factory=list)
    guarantees: dict = field(default_factory=dict)
    # ENAMEL's scoring (config.scoring "enamel"): each stress level's slowest reference
    # time from one run of every case before the timing (its one limit comes from them),
    # kept so that levels a sample never reached still have a reference time.
    reference_prepass_s: list[float] = field(default_factory=list)
    # A wrong or crashing answer at the gate: the case's input, the expected and the
    # actual answer, as bounded reprs (Counterexample); shown only where allowed.
    counterexample: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        """JSON-ready, as the store keeps it (verdicts as their values)."""
        data = asdict(self)
        data["verdict"] = self.verdict.value
        for level, measured in zip(data["levels"], self.levels, strict=True):
            level["verdict"] = measured.verdict.value
            for case in level["cases"]:
                case["verdict"] = Verdict(case["verdict"]).value
        return data

    @classmethod
    def from_dict(cls, data: dict) -> SolutionMeasurement:
        """From a stored record (its extra keys, such as the config, are left out)."""
        return cls(
            Verdict(data["verdict"]), bool(data["passed"]), data.get("error", ""),
            [LevelMeasurement.from_dict(level) for level in data["levels"]],
            data.get("guarantees", {}), list(data.get("reference_prepass_s", [])),
            dict(data.get("counterexample", {})),
        )  # fmt: skip


def outputs_equal(expected: Any, actual: Any) -> bool:
    """Deep equality that also requires identical types (1 != 1.0 != True, list != tuple)."""
    if type(expected) is not type(actual):
        return False
    if isinstance(expected, (list, tuple)):
        if len(expected) != len(actual):
            return False
        # Members all of one scalar type on both sides (the usual answer): == compares them
        # at C speed and means the same as below; only floats (nan) may need the walk.
        kind = _single_type(expected)
        if kind in _SCALARS and _single_type(actual) is kind:
            if expected == actual:
                return True
            if kind is not float:
                return False
        return all(map(outputs_equal, expected, actual))
    if isinstance(expected, dict):
        return _same_members(expected, actual) and all(
            outputs_equal(value, actual[key]) for key, value in expected.items()
        )
    if isinstance(expected, (set, frozenset)):
        return _same_members(expected, actual)
    if isinstance(expected, float) and math.isnan(expected):
        return math.isnan(actual)
    return expected == actual


_SCALARS = frozenset({int, str, bytes, bool, float, type(None)})


def _single_type(items: list | tuple) -> type | None:
    """The type all members share, or None (mixed or empty)."""
    if not items:
        return None
    first = type(items[0])
    return first if countOf(map(type, items), first) == len(items) else None


def _same_members(expected, actual) -> bool:
    """Set members and dict keys match by ==, under which 1 == 1.0 == True: each expected
    member is paired with the actual one it hashes to, and those must match strictly."""
    if len(expected) != len(actual):
        return False
    members = {member: member for member in actual}
    return all(member in members and outputs_equal(member, members[member]) for member in expected)


def case_is_decided(case: CaseMeasurement, config: MeasureConfig) -> bool:
    """Whether more repeats of this case could still change what is reported of it."""
    logs = [math.log(r) for r in case.pair_ratios if r > 0]
    if len(logs) < 2 or min(case.reference_cpu_s) <= 0:
        return False
    low, high = (math.exp(v) for v in hodges_lehmann_ci(logs))
    if low > config.alpha:  # surely over the limit: scores 0 however many more runs
        return True
    # The level score is (alpha - ratio) / (alpha - 1): its CI is the ratio's, scaled.
    if (high - low) / 2 / (config.alpha - 1) > config.score_precision:
        return False
    ref_low, ref_high = hodges_lehmann_ci([math.log(t) for t in case.reference_cpu_s])
    return (ref_high - ref_low) / 2 <= math.log1p(config.reference_precision)


class _Failure(Exception):
    def __init__(self, verdict: Verdict, error: str, counterexample: dict | None = None):
        super().__init__(error)
        self.verdict, self.error = verdict, error
        self.counterexample = counterexample or {}


# Reprs of a counterexample stay short whatever a hostile answer holds: reprlib stops at
# these sizes instead of building the whole text (at most 20**3 items), then a cap.
_SHORT = reprlib.Repr()
_SHORT.maxlevel, _SHORT.maxstring, _SHORT.maxlong, _SHORT.maxother = 3, 200, 100, 200
for _container in ("list", "tuple", "set", "frozenset", "dict", "deque", "array"):
    setattr(_SHORT, f"max{_container}", 20)
SHOWN_CHARS = 1000


def _short(value: Any) -> str:
    text = _SHORT.repr(value)
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + "..."


def _counterexample(level: str, key: int, args: tuple, expected: Any, result: RunResult) -> dict:
    """What a failed gate case shows an agent: the input (as the call's arguments), the
    expected answer and, for a wrong answer, the one given."""
    shown = {"level": level, "case": key, "verdict": result.verdict.value,
             "input": _short(args)[1:-1].removesuffix(","),
             "expected": _short(expected)}  # fmt: skip
    if result.verdict == Verdict.WA:
        shown["actual"] = _short(result.output)
    return shown


class _LevelBreak(_Failure):
    """ENAMEL's rule (scoring "enamel"): a stress level that ran out of time or memory, or
    overflowed, ends the measurement there; the sample still passes, with no efficiency
    from that level on."""


# The errors ENAMEL counts as running out of resources rather than as wrong code.
ENAMEL_RESOURCE_ERRORS = ("OverflowError", "MemoryError", "RecursionError")


def _breaks_level(result: RunResult, config: MeasureConfig) -> bool:
    if config.scoring != "enamel":
        return False
    if result.verdict in (Verdict.TLE, Verdict.MLE):
        return True
    last_line = result.error.rstrip().rsplit("\n", 1)[-1]
    return result.verdict == Verdict.RE and last_line.startswith(ENAMEL_RESOURCE_ERRORS)


def _checked(
    result: RunResult,
    args: tuple,
    expected: Any,
    checker: Checker | None,
    accepted: list[bytes] | None = None,
) -> RunResult:
    """The result, WA if its answer is wrong. `accepted`: encoded answers already judged
    right for these args (one input's runs, both solutions): an answer with the same bytes
    decodes to the same value, so it is right without another comparison (a deterministic
    checker gives the same verdict on the same value). Right answers are added to it. A
    list, not a set: hashing a new answer's bytes costs more than comparing them."""
    if result.verdict == Verdict.OK and accepted is not None and result.answer in accepted:
        return result
    if result.verdict == Verdict.OK:
        try:
            correct = (checker or (lambda _a, e, o: outputs_equal(e, o)))(
                args, expected, result.output
            )
        except Exception as error:  # a checker crash on a hostile answer is a wrong answer
            correct, result.error = False, f"checker rejected the answer: {error!r}"
        if not correct:
            result.verdict = Verdict.WA
            result.error = result.error or "wrong answer"
        elif accepted is not None and result.answer is not None:
            if len(accepted) < MAX_ACCEPTED_ANSWERS:
                accepted.append(result.answer)
    return result


def _run_again_if_the_harness_failed(sandbox: Sandbox, key: int, limit_s: float) -> RunResult:
    """One run, made again (up to HARNESS_RETRIES times, after a pause) when the sandbox
    itself failed (SANDBOX_ERROR: e.g. a child that did not finish its set-up before its
    wall limit, once seen under load with the docker backend). What the candidate's own
    code does never gives that verdict, so a sample cannot buy itself extra runs."""
    for attempt in range(HARNESS_RETRIES + 1):
        run = sandbox.run(key, limit_s, _wall_limit(limit_s))
        if run.verdict != Verdict.SANDBOX_ERROR or attempt == HARNESS_RETRIES:
            return run
        time.sleep(SETTLE_PAUSE_S)
    raise AssertionError("unreachable")


def _wall_limit(cpu_limit_s: float) -> float:
    # The sandbox is pinned to one CPU, so CPU time never exceeds wall time; the slack
    # only covers scheduling noise. A sleeping candidate hits this and gets TLE.
    return cpu_limit_s * 2 + 0.5


def _run_gate(
    candidate: Sandbox,
    level: LevelInputs,
    measured: LevelMeasurement,
    checker: Checker | None,
    config: MeasureConfig,
    limit_s: float | None = None,
) -> None:
    """Every gate case must be answered right. The cases are answered in batches, one
    process each (Sandbox.run_batch), within the per-case limit for the whole batch: a
    case that fails after others in the same process is judged again alone, in a fresh
    process, so neither state left by earlier cases nor their time can fail it."""
    # One record for the whole gate (hundreds of small cases): the CPU time of each
    # process that answered some of them, in order, and the peaks over all of them.
    limit = limit_s or config.gate_cpu_limit_s  # ENAMEL's: the problem's one limit
    record = CaseMeasurement(limit_s=limit)
    measured.cases.append(record)
    cases = list(zip(level.cases, level.expected, strict=True))
    candidate.add_inputs(dict(enumerate(level.cases)))
    wall_limit = _wall_limit(limit)

    def note(run: RunResult) -> None:
        record.candidate_cpu_s.append(run.cpu_s)
        record.candidate_peak_kb = max(record.candidate_peak_kb, run.maxrss_kb)
        record.candidate_extra_kb = max(record.candidate_extra_kb, run.peak_memory_kb)

    start = 0
    while start < len(cases):
        keys = list(range(start, len(cases)))
        batch = candidate.run_batch(keys, limit, wall_limit)
        note(batch.run)
        for offset, result in enumerate(batch.results):
            key = start + offset
            args, expected = cases[key]
            result = _checked(result, args, expected, checker)
            if result.verdict != Verdict.OK and offset > 0:
                alone = candidate.run(key, limit, wall_limit)
                note(alone)
                result = _checked(alone, args, expected, checker)
            record.verdict = result.verdict
            if result.verdict != Verdict.OK:
                measured.verdict = result.verdict
                raise _Failure(
                    result.verdict, f"level {level.name} case {key}: {result.error}",
                    _counterexample(level.name, key, args, expected, result)
                    if result.verdict in (Verdict.WA, Verdict.RE) else None,
                )  # fmt: skip
        start += len(batch.results)
    candidate.forget_inputs(range(len(cases)))


def _run_stress_case(
    candidate: Sandbox,
    reference: Sandbox,
    key: int,
    args: tuple,
    expected: Any,
    checker: Checker | None,
    config: MeasureConfig,
    label: str,
    problem_limit_s: float | None = None,
) -> CaseMeasurement:
    """`problem_limit_s`: one limit for every case (ENAMEL's), instead of alpha x this
    case's reference time."""
    case = CaseMeasurement()
    accepted: list[bytes] = []

    def run_reference(series: list[float] | None = None) -> float:
        """One checked reference run, its time appended to `series` (the timed series by
        default, the witnesses otherwise) and returned."""
        limit = max(config.time_floor_s, 10 * (case.reference_s if case.reference_cpu_s else 1.0))
        run = _run_again_if_the_harness_failed(reference, key, limit)
        result = _checked(run, args, expected, checker, accepted)
        if result.verdict != Verdict.OK:
            raise _Failure(
                Verdict.SANDBOX_ERROR,
                f"{label}: reference failed ({result.verdict.value}): {result.error}",
            )
        (case.reference_cpu_s if series is None else series).append(result.cpu_s)
        case.reference_peak_kb = max(case.reference_peak_kb, result.maxrss_kb)
        case.reference_extra_kb = max(case.reference_extra_kb, result.peak_memory_kb)
        return result.cpu_s

    def run_candidate() -> bool:
        """One timed candidate run; False if it is TLE.

        A kill is a strike only if the reference, run right after it (the witness), shows
        the host no slower than the limit allowed for; after a disturbed witness the kill
        is not evidence and the run is measured again, after a pause for the disturbance
        to pass, with the limit widened by the slowdown the witness showed (up to
        MAX_LOAD_SCALE): under a load that does not pass, a kill then still tells a
        candidate over alpha x the reference from one the load slowed as much as it.
        """
        own_limit_s = problem_limit_s or config.alpha * case.reference_s
        case.limit_s = max(config.time_floor_s, own_limit_s)
        strikes = disturbed = 0
        scale = 1.0
        while True:
            limit_s = case.limit_s * scale
            run = _run_again_if_the_harness_failed(candidate, key, limit_s)
            result = _checked(run, args, expected, checker, accepted)
            case.candidate_peak_kb = max(case.candidate_peak_kb, result.maxrss_kb)
            case.candidate_extra_kb = max(case.candidate_extra_kb, result.peak_memory_kb)
            if result.verdict != Verdict.TLE:
                break
            witness_s = run_reference(case.witness_cpu_s)
            # (Where the floor sets the limit, a reference of microseconds, any witness
            # near its usual time is far below limit / alpha.)
            if witness_s * config.alpha <= limit_s * WITNESS_MARGIN:
                strikes += 1
                if strikes >= config.tle_strikes:
                    case.verdict = Verdict.TLE
                    return False
                continue
            disturbed += 1
            if disturbed == MAX_DISTURBED_KILLS:
                raise _Failure(
                    Verdict.SANDBOX_ERROR,
                    f"{label}: the host was too noisy to judge (the harness's fault, not the "
                    f"candidate's): {disturbed} times the candidate was killed and the "
                    f"reference, run right after it, took over 1/{config.alpha:g} of that "
                    f"limit (its median: {case.reference_s * 1e3:.2f} ms), the limit widened "
                    f"{scale:.1f}x for it",
                )
            scale = min(MAX_LOAD_SCALE, max(scale, witness_s / case.reference_s))
            time.sleep(SETTLE_PAUSE_S * 2 ** (disturbed - 1))
        if result.verdict != Verdict.OK:
            case.verdict = result.verdict
            failure = _LevelBreak if _breaks_level(result, config) else _Failure
            raise failure(result.verdict, f"{label}: {result.error}")
        case.candidate_cpu_s.append(result.cpu_s)
        return True

    run_reference()  # sets the first limit
    started = time.monotonic()
    for repeat in range(config.max_repeats):
        order = (
            (run_candidate, run_reference) if repeat % 2 == 0 else (run_reference, run_candidate)
        )
        for step in order:
            if step() is False:
                return case
        enough = repeat + 1 >= config.min_repeats and case_is_decided(case, config)
        if enough or time.monotonic() - started > config.max_case_seconds:
            break
    if case.candidate_s > (problem_limit_s or config.alpha * case.reference_s):
        case.verdict = Verdict.TLE  # over the limit, though not killed
    return case


def sandbox_limits(config: MeasureConfig) -> SandboxLimits:
    """The limits both sandboxes of a measurement are opened with."""
    return SandboxLimits(memory_mb=config.memory_mb)


def measure_solution(
    backend: SandboxBackend,
    candidate_source: str,
    reference_source: str,
    entry_point: str,
    levels: Sequence[LevelInputs],
    checker: Checker | None = None,
    config: MeasureConfig = MeasureConfig(),
    cpu: int | None = None,
    reference: Callable[[], Sandbox] | None = None,
) -> SolutionMeasurement:
    """Gate on levels[0], then time every later level against the reference.

    The reference's sandbox is opened only once the gate has passed (a wrong sample needs
    none), except under ENAMEL's scoring: its one limit, from a run of the reference on
    every stress case, holds on the gate too. `reference`, if given, returns an open
    sandbox holding `reference_source` on `cpu` with this config's limits, which the
    caller keeps for the next solution of the same problem (starting one costs ~90 ms);
    otherwise one is opened here and closed.
    Never raises for anything the candidate does; a broken sandbox or reference gives
    verdict SANDBOX_ERROR.
    """
    limits = sandbox_limits(config)
    outcome = SolutionMeasurement(Verdict.OK, passed=True)
    enamel = config.scoring == "enamel" and len(levels) > 1
    try:
        candidate = backend.open(candidate_source, entry_point, limits, cpu=cpu)
    except SolutionLoadError as error:
        return SolutionMeasurement(Verdict.RE, passed=False, error=f"does not compile: {error}")
    except SandboxError as error:
        return SolutionMeasurement(Verdict.SANDBOX_ERROR, passed=False, error=str(error))
    outcome.guarantees = candidate.guarantees.as_dict()
    try:
        with candidate, ExitStack() as owned:

            def reference_sandbox() -> Sandbox:
                if reference is not None:
                    return reference()
                if not owned_reference:
                    opened = backend.open(reference_source, entry_point, limits, cpu=cpu)
                    owned_reference.append(owned.enter_context(opened))
                return owned_reference[0]

            owned_reference: list[Sandbox] = []
            # ENAMEL's one limit holds on level 0 too, so it is known before the gate.
            problem_limit_s = (
                _problem_limit(reference_sandbox(), levels[1:], checker, config, outcome)
                if enamel else None
            )  # fmt: skip
            gate = LevelMeasurement(levels[0].name, levels[0].weight)
            outcome.levels.append(gate)
            _run_gate(candidate, levels[0], gate, checker, config, problem_limit_s)
            if len(levels) > 1:
                _run_stress_levels(
                    candidate, reference_sandbox(), levels[1:], checker, config, outcome,
                    problem_limit_s,
                )  # fmt: skip
    except _Failure as failure:
        outcome.verdict, outcome.error = failure.verdict, failure.error
        outcome.counterexample, outcome.passed = failure.counterexample, False
        if outcome.levels and outcome.levels[-1].verdict == Verdict.OK:
            outcome.levels[-1].verdict = failure.verdict
        return outcome
    except (SandboxError, SolutionLoadError) as error:
        return SolutionMeasurement(
            Verdict.SANDBOX_ERROR, passed=False, error=str(error), guarantees=outcome.guarantees
        )
    broken = [level.verdict for level in outcome.levels if level.verdict != Verdict.OK]
    if broken:  # a TLE level (or under ENAMEL's rule, a level out of memory or overflowed)
        outcome.verdict = broken[0]
    return outcome


# Margin on ENAMEL's limit as estimated before the timing (one reference run per case):
# the limit the score uses comes from the reference's medians, which a single run may
# overstate or understate by the run-to-run spread.
PROBLEM_LIMIT_MARGIN = 1.25


def _problem_limit(
    reference: Sandbox, levels: Sequence[LevelInputs], checker: Checker | None,
    config: MeasureConfig, outcome: SolutionMeasurement,
) -> float:  # fmt: skip
    """ENAMEL's one limit for a problem, alpha x its slowest reference case, from one run
    of the reference on every stress case before any timing (with a margin): a case of a
    small level is killed at the same limit as the largest. Each level's slowest run is
    kept in `outcome.reference_prepass_s`."""
    slowest = 0.0
    for level in levels:
        outcome.reference_prepass_s.append(0.0)
        for key, (args, expected) in enumerate(zip(level.cases, level.expected, strict=True)):
            reference.add_input(key, args)
            try:
                limit = max(config.time_floor_s, 10.0)
                result = _checked(reference.run(key, limit, _wall_limit(limit)), args, expected,
                                  checker)  # fmt: skip
            finally:
                reference.forget(key)
            if result.verdict != Verdict.OK:
                where = f"level {level.name} case {key}"
                raise _Failure(
                    Verdict.SANDBOX_ERROR,
                    f"the reference failed on {where} ({result.verdict.value}): {result.error}",
                )
            slowest = max(slowest, result.cpu_s)
            outcome.reference_prepass_s[-1] = max(outcome.reference_prepass_s[-1], result.cpu_s)
    # ENAMEL kills at its limit plus a tolerance (ENAMEL.kill_tolerance_s, 10 ms, much
    # more than the margin for the ms-scale limits of its problems).
    estimate = config.alpha * slowest
    kill_at = max(estimate * PROBLEM_LIMIT_MARGIN, estimate + metrics.ENAMEL.kill_tolerance_s)
    return max(config.time_floor_s, kill_at)


def _run_stress_levels(
    candidate: Sandbox,
    reference: Sandbox,
    levels: Sequence[LevelInputs],
    checker: Checker | None,
    config: MeasureConfig,
    outcome: SolutionMeasurement,
    problem_limit_s: float | None = None,
) -> None:
    """Each case of each level timed against the reference; its input is in both
    sandboxes only while it is measured (a zygote holding every level's input would make
    each fork and exit dearer), and leaves the reference's even when the case fails: the
    caller may keep that sandbox for the next solution."""
    enamel = problem_limit_s is not None  # ENAMEL's rules (config.scoring "enamel")
    for level in levels:
        measured = LevelMeasurement(level.name, level.weight, size=level.size)
        outcome.levels.append(measured)
        for key, (args, expected) in enumerate(zip(level.cases, level.expected, strict=True)):
            candidate.add_input(key, args)
            reference.add_input(key, args)
            try:
                case = _run_stress_case(
                    candidate, reference, key, args, expected, checker, config,
                    f"level {level.name} case {key}", problem_limit_s,
                )  # fmt: skip
            except _LevelBreak as stop:
                measured.verdict, outcome.error = stop.verdict, stop.error
                candidate.forget(key)
                return  # ENAMEL: no later level is run; the sample still passes
            finally:
                reference.forget(key)
            candidate.forget(key)
            measured.cases.append(case)
            if case.verdict == Verdict.TLE:
                # The level's time is over its limit whatever its other cases take (the
                # worst case counts): they are not run.
                measured.verdict = Verdict.TLE
                break
        if enamel and measured.verdict == Verdict.TLE:
            return  # ENAMEL stops at the first level that timed out
