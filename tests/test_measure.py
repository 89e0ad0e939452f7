"""measure_solution: gate, interleaved stress levels, every timed answer checked."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from codeeff import measure
from codeeff.measure import (
    CaseMeasurement,
    LevelInputs,
    MeasureConfig,
    case_is_decided,
    measure_solution,
    outputs_equal,
)
from codeeff.sandbox.base import (
    Guarantees,
    RunResult,
    Sandbox,
    SandboxBackend,
    SandboxError,
    SandboxLimits,
    Verdict,
)
from codeeff.sandbox.local import default_cpu

REFERENCE = "def f(n):\n    return sum(i * i for i in range(n))\n"
FAST_CONFIG = MeasureConfig(min_repeats=3, max_repeats=5)


def _levels(*sizes: int) -> list[LevelInputs]:
    def answers(ns):
        return [sum(i * i for i in range(n)) for n in ns]

    return [
        LevelInputs("edge", 0, [(0,), (1,), (5,)], answers([0, 1, 5])),
        *[LevelInputs(f"n{n}", 1, [(n,)], answers([n])) for n in sizes],
    ]


def _measure(backend, source, levels=None, kept=None, **kwargs):
    return measure_solution(
        backend, source, kwargs.pop("reference", REFERENCE), "f", levels or _levels(100_000),
        config=kwargs.pop("config", FAST_CONFIG), cpu=default_cpu(), reference=kept, **kwargs,
    )  # fmt: skip


def test_reference_against_itself_passes_with_both_series_recorded(backend):
    result = _measure(backend, REFERENCE)
    assert result.verdict == Verdict.OK and result.passed
    case = result.levels[1].cases[0]
    assert len(case.candidate_cpu_s) >= 3 and len(case.reference_cpu_s) >= 3
    assert 0.5 < result.levels[1].candidate_s / result.levels[1].reference_s < 2
    assert result.guarantees["namespaces"]


def test_wrong_only_on_stress_input_is_caught(backend):
    source = "def f(n):\n    return sum(i * i for i in range(n)) + (n > 1000)\n"
    result = _measure(backend, source)
    assert result.verdict == Verdict.WA and not result.passed


def test_answer_that_is_wrong_on_some_timed_runs_is_caught(backend):
    # Right on the gate and on most runs: only checking every timed run finds it.
    source = (
        "import os\n"
        "def f(n):\n"
        "    right = sum(i * i for i in range(n))\n"
        "    return right + (n > 1000 and os.urandom(1)[0] < 128)\n"
    )
    config = MeasureConfig(min_repeats=10, max_repeats=10)
    assert _measure(backend, source, config=config).verdict == Verdict.WA


def test_gate_failure_stops_before_timing(backend):
    result = _measure(backend, "def f(n):\n    return 0\n")
    assert result.verdict == Verdict.WA
    assert len(result.levels) == 1
    # One record for the gate, a time per process: the batch (answering every case; f(0)
    # = f(1) = 0 are right), then case 2, the first wrong one, judged again alone.
    (gate,) = result.levels[0].cases
    assert len(gate.candidate_cpu_s) == 2 and gate.verdict == Verdict.WA


def test_the_gate_is_one_record_answered_by_one_process(backend):
    (gate,) = _measure(backend, REFERENCE).levels[0].cases
    assert len(gate.candidate_cpu_s) == 1 and gate.verdict == Verdict.OK
    assert gate.candidate_peak_kb > 0


def _gate_of(result) -> CaseMeasurement:
    (gate,) = result.levels[0].cases
    return gate


def test_state_left_by_earlier_gate_cases_cannot_fail_a_sample(backend):
    # Right only on its first call in a process: in the batch, cases 1 and 2 come out
    # wrong, so each is judged again alone, where it is right.
    source = (
        "CALLS = []\n"
        "def f(n):\n"
        "    CALLS.append(n)\n"
        "    return sum(i * i for i in range(n)) + (len(CALLS) > 1)\n"
    )
    result = _measure(backend, source, levels=_levels(2_000))
    assert result.verdict == Verdict.OK and result.passed
    # The batch (which answered all three), then cases 1 and 2 each alone.
    assert len(_gate_of(result).candidate_cpu_s) == 3


def test_forged_batch_frames_are_the_samples_own_doing(backend):
    # Writes a batch frame of its own into every pipe it can find, then answers right:
    # the forged frame is read as its answer to the first case, a malformed one.
    source = (
        "import os\n"
        "def f(n):\n"
        "    forged = b'B' + (5).to_bytes(8, 'little') + b'R' + bytes(4)\n"
        "    for name in os.listdir('/proc/self/fd'):\n"
        "        try:\n"
        "            os.write(int(name), forged)\n"
        "        except OSError:\n"
        "            pass\n"
        "    return sum(i * i for i in range(n))\n"
    )
    result = _measure(backend, source)
    assert result.verdict == Verdict.WA and not result.passed
    assert "case 0" in result.error and "malformed answer" in result.error
    # Forged only in a timed run (one input, no batch): a frame of a kind it may not write.
    stress_only = source.replace(
        "os.listdir('/proc/self/fd')", "os.listdir('/proc/self/fd') * (n > 1000)"
    )
    result = _measure(backend, stress_only)
    assert result.verdict == Verdict.RE and "unknown kind 'B'" in result.error


def test_a_gate_case_that_kills_its_process_is_judged_alone_and_named(backend):
    source = (
        "import os\n"
        "def f(n):\n"
        "    if n == 1:\n"
        "        os._exit(0)\n"
        "    return sum(i * i for i in range(n))\n"
    )
    result = _measure(backend, source)
    assert result.verdict == Verdict.RE and "case 1" in result.error
    # The batch (ended on case 1), then case 1 alone.
    assert len(_gate_of(result).candidate_cpu_s) == 2


def test_an_endless_first_gate_case_costs_one_limit(backend):
    config = MeasureConfig(min_repeats=3, max_repeats=5, gate_cpu_limit_s=0.3)
    result = _measure(backend, "def f(n):\n    while True:\n        pass\n", config=config)
    assert result.verdict == Verdict.TLE and "case 0" in result.error
    # Killed on the batch's first case, in a fresh process: that is the case alone.
    (cpu_s,) = _gate_of(result).candidate_cpu_s
    assert cpu_s >= 0.3


def test_the_gate_limit_holds_per_case_not_per_batch(backend):
    # 0.15 s a case: the three cases overrun a 0.3 s limit together, none alone.
    source = (
        "import time\n"
        "def f(n):\n"
        "    end = time.process_time() + 0.15\n"
        "    while time.process_time() < end:\n"
        "        pass\n"
        "    return sum(i * i for i in range(n))\n"
    )
    config = MeasureConfig(min_repeats=3, max_repeats=3, gate_cpu_limit_s=0.3)
    result = _measure(backend, source, levels=_levels(10), config=config, reference=source)
    assert result.verdict == Verdict.OK, result.error
    assert len(_gate_of(result).candidate_cpu_s) >= 2


def test_too_slow_candidate_is_tle_but_still_correct(backend):
    slow = (
        "def f(n):\n"
        "    total = 0\n"
        "    for _ in range(8):\n"
        "        total = sum(i * i for i in range(n))\n"
        "    return total\n"
    )
    result = _measure(backend, slow)
    assert result.verdict == Verdict.TLE
    assert result.passed
    assert result.levels[1].verdict == Verdict.TLE


def test_compile_error_is_runtime_error_verdict(backend):
    result = _measure(backend, "def f(n) return n\n")
    assert result.verdict == Verdict.RE and "compile" in result.error


def test_missing_entry_point_is_runtime_error(backend):
    assert _measure(backend, "def g(n):\n    return n\n").verdict == Verdict.RE


def test_broken_reference_is_a_sandbox_error_not_a_candidate_failure(backend):
    result = _measure(backend, REFERENCE, reference="def f(n):\n    return -1\n")
    assert result.verdict == Verdict.SANDBOX_ERROR


def test_checker_decides_correctness(backend):
    levels = [
        LevelInputs("edge", 0, [(3,)], [[0, 1, 2]]),
        LevelInputs("big", 1, [(50_000,)], [None]),
    ]
    reference = "def f(n):\n    return list(range(n))\n"
    candidate = "def f(n):\n    return list(range(n - 1, -1, -1))\n"

    def same_elements(args, expected, actual):
        return sorted(actual) == list(range(args[0]))

    result = measure_solution(
        backend, candidate, reference, "f", levels, checker=same_elements,
        config=FAST_CONFIG, cpu=default_cpu(),
    )  # fmt: skip
    assert result.verdict == Verdict.OK


class CountingBackend(SandboxBackend):
    """The real backend, counting the sandboxes it opens."""

    name = "counting"

    def __init__(self, inner: SandboxBackend):
        self.inner, self.opened = inner, 0

    def open(self, source, entry_point, limits, cpu=None):
        self.opened += 1
        return self.inner.open(source, entry_point, limits, cpu=cpu)

    def guarantees(self):
        return self.inner.guarantees()


def test_a_sample_failing_the_gate_never_starts_a_reference(backend):
    counting = CountingBackend(backend)
    assert _measure(counting, "def f(n):\n    return 0\n").verdict == Verdict.WA
    assert counting.opened == 1


def test_a_kept_reference_serves_the_next_solution_and_keeps_no_input(backend):
    counting = CountingBackend(backend)
    limits = measure.sandbox_limits(FAST_CONFIG)
    with backend.open(REFERENCE, "f", limits, cpu=default_cpu()) as kept:
        wrong = "def f(n):\n    return sum(i * i for i in range(n)) + (n > 1000)\n"
        for source, verdict in (
            (REFERENCE, Verdict.OK),
            (wrong, Verdict.WA),
            (REFERENCE, Verdict.OK),
        ):
            result = _measure(counting, source, reference=REFERENCE, kept=lambda: kept)
            assert result.verdict == verdict
            # A case's input leaves the kept sandbox when the case ends, even a failed one.
            with pytest.raises(SandboxError, match="no input"):
                kept.run(0, 1.0, 2.0)
        assert counting.opened == 3  # the candidates only


def test_a_right_answer_is_checked_once_per_case_not_once_per_run(backend):
    calls = []

    def checker(args, expected, actual):
        calls.append(args)
        return actual == expected

    config = MeasureConfig(min_repeats=6, max_repeats=6)
    result = measure_solution(
        backend, REFERENCE, REFERENCE, "f", _levels(100_000), checker=checker, config=config,
        cpu=default_cpu(),
    )  # fmt: skip
    case = result.levels[1].cases[0]
    assert result.verdict == Verdict.OK and len(case.candidate_cpu_s) == 6
    # 3 gate cases; then one check of the stress answer, whose bytes every later run repeats.
    assert len(calls) == 4


def test_outputs_equal_is_type_strict():
    assert outputs_equal([1, (2, 3)], [1, (2, 3)])
    assert not outputs_equal([1], (1,))
    assert not outputs_equal(1, 1.0)
    assert not outputs_equal(1, True)
    assert not outputs_equal({"a": 1}, {"a": 1.0})
    assert outputs_equal(float("nan"), float("nan"))
    # Members and keys too, though Python's == pairs them across types.
    assert outputs_equal({1, (2, "x")}, {(2, "x"), 1}) and outputs_equal({1: 2}, {1: 2})
    assert not outputs_equal({1, 2}, {1.0, 2})
    assert not outputs_equal(frozenset({True}), frozenset({1}))
    assert not outputs_equal({(1, 2)}, {(1.0, 2)})
    assert not outputs_equal({1: "a"}, {1.0: "a"})
    # Lists of one scalar type are compared at C speed: the types must still match.
    assert outputs_equal([1, 2, 3], [1, 2, 3]) and not outputs_equal([1, 2, 3], [1, 2, 4])
    assert not outputs_equal([1, 1], [True, 1]) and not outputs_equal([1, 1], [1, True])
    assert not outputs_equal([0, 1], [0.0, 1.0]) and not outputs_equal(["a"], [b"a"])
    assert outputs_equal([1.5, float("nan")], [1.5, float("nan")])
    assert not outputs_equal([1.5, float("nan")], [1.5, 2.0])


def _case(ratios: list[float], reference_s: list[float]) -> CaseMeasurement:
    """A case whose pairs have these ratios; reference_s[0] is the limit-setting run."""
    candidate = [r * t for r, t in zip(ratios, reference_s[1:], strict=True)]
    return CaseMeasurement(candidate_cpu_s=candidate, reference_cpu_s=reference_s)


def test_a_case_is_decided_when_its_score_is_known_to_its_precision():
    config = MeasureConfig(alpha=2.0, score_precision=0.01, reference_precision=0.02)
    steady = [0.010] * 9
    tight = _case([1.0, 1.002, 0.998, 1.001, 0.999, 1.0, 1.003, 0.997], steady)
    assert case_is_decided(tight, config)
    loose = _case([1.0, 1.05, 0.95, 1.04, 0.96, 1.0, 1.06, 0.94], steady)
    assert not case_is_decided(loose, config)
    # The same spread decides a looser alpha: the score moves by ratio / (alpha - 1).
    assert not case_is_decided(
        _case([1.0, 1.02, 0.98, 1.01, 0.99, 1.0, 1.02, 0.98], steady), config
    )
    assert case_is_decided(
        _case([1.0, 1.02, 0.98, 1.01, 0.99, 1.0, 1.02, 0.98], steady), MeasureConfig(alpha=6.0)
    )
    # Surely over the limit: decided whatever the spread (it scores 0 either way).
    assert case_is_decided(_case([3.0, 3.5, 2.6, 4.0, 3.1, 2.9], [0.010] * 7), config)
    # A noisy reference keeps it open even when the ratio is tight (its time is reported).
    noisy = [0.010, 0.010, 0.012, 0.009, 0.011, 0.008, 0.0125, 0.0095, 0.0105]
    assert not case_is_decided(_case([1.0] * 8, noisy), config)


def test_expected_output_is_nowhere_in_the_candidates_sandbox(backend):
    token = "codeeff-secret-" + "7f3a9c"
    levels = [LevelInputs("edge", 0, [(1,)], [token]), LevelInputs("big", 1, [(2,)], [token])]
    reference = f"def f(n):\n    return {token!r}\n"
    hunter = (
        "import os\n"
        "def f(n):\n"
        "    needle = b'codeeff-secret-'\n"
        "    paths = [f'/proc/{p}/{n}' for p in ('1', 'self') for n in ('environ', 'cmdline')]\n"
        "    for top in ('/tmp', '/dev/shm', '/codeeff'):\n"
        "        for root, dirs, files in os.walk(top):\n"
        "            paths += [os.path.join(root, name) for name in files]\n"
        "    for path in paths:\n"
        "        try:\n"
        "            with open(path, 'rb') as handle:\n"
        "                data = handle.read(1 << 20)\n"
        "        except OSError:\n"
        "            continue\n"
        "        at = data.find(needle)\n"
        "        if at >= 0:\n"
        "            return data[at:at + 21].decode()\n"
        "    return 'not found: ' + str(len(paths))\n"
    )
    # The search reads every file it can reach (the ~1,000 of the bound numpy among them),
    # seconds of CPU on a slow host: a limit it cannot hit, so that the verdict says what
    # it found (WA: nothing; OK or a limit hit on level 1: the answer), never how long
    # it took (CI once judged it TLE under the 2 s default).
    config = MeasureConfig(min_repeats=3, max_repeats=5, gate_cpu_limit_s=60.0)
    result = measure_solution(
        backend, hunter, reference, "f", levels, config=config, cpu=default_cpu()
    )
    assert result.verdict == Verdict.WA, (result.verdict, result.error)
    assert result.counterexample["actual"].startswith("'not found: "), result.counterexample


# --- kills under load: a fake host whose load is scripted, run by run ---------------------

SLOW = "def f(n):\n    return sum([i * i for i in range(n)])\n"  # stands for a slower algorithm
BURST = 3.0  # how much a burst of load slows every run it lands on


class _Host:
    """A pinned core shared by both sandboxes: each run, candidate's or reference's, takes
    its cost times the next scripted slowdown (1 once the script is spent)."""

    def __init__(self, slowdowns: list[float]):
        self.slowdowns = list(slowdowns)

    def slowdown(self) -> float:
        return self.slowdowns.pop(0) if self.slowdowns else 1.0


Cost = Callable[[int], float]  # CPU seconds of f(n) on a calm host


class _ScriptedSandbox(Sandbox):
    """Answers with the real entry point but takes a scripted CPU time, killed over the
    limit as a real sandbox is: every timing is known, so verdicts are deterministic."""

    def __init__(self, host: _Host, source: str, entry_point: str, cost: Cost):
        namespace: dict = {}
        exec(source, namespace)
        self.function, self.host, self.cost = namespace[entry_point], host, cost
        self.inputs: dict[int, tuple] = {}
        self.guarantees = Guarantees()

    def add_input(self, key: int, args: tuple) -> None:
        self.inputs[key] = args

    def forget(self, key: int) -> None:
        del self.inputs[key]

    def run(self, key: int, cpu_limit_s: float, wall_limit_s: float) -> RunResult:
        (n,) = self.inputs[key]
        cpu_s = self.cost(n) * self.host.slowdown()
        if cpu_s > cpu_limit_s:
            return RunResult(Verdict.TLE, cpu_s=cpu_limit_s, error="CPU time limit")
        return RunResult(Verdict.OK, output=self.function(n), cpu_s=cpu_s)

    def close(self) -> None:
        pass


class _ScriptedBackend(SandboxBackend):
    name = "scripted"

    def __init__(self, host: _Host, costs: dict[str, Cost]):
        self.host, self.costs = host, costs

    def open(
        self, source: str, entry_point: str, limits: SandboxLimits, cpu: int | None = None
    ) -> Sandbox:
        return _ScriptedSandbox(self.host, source, entry_point, self.costs[source])

    def guarantees(self) -> Guarantees:
        return Guarantees()


@pytest.fixture
def pauses(monkeypatch) -> list[float]:
    """The pauses measure_solution takes for the host to settle, recorded, not slept."""
    taken: list[float] = []
    monkeypatch.setattr(measure.time, "sleep", taken.append)
    return taken


def _linear(seconds_per_n: float) -> Cost:
    return lambda n: seconds_per_n * n


def _loops_on_large_inputs(n: int) -> float:
    return math.inf if n > 100 else 1e-5 * n


def _measure_scripted(slowdowns: list[float], candidate_cost: Cost, candidate: str = REFERENCE):
    """One gate case (n = 5), then one stress case (n = 1000) on which the reference takes
    10 ms (limit 20 ms). slowdowns[0] is the gate run's, slowdowns[1] the first reference
    run's (the one that sets the limit)."""
    levels = [
        LevelInputs("edge", 0, [(5,)], [30]),
        LevelInputs("small", 1, [(1000,)], [sum(i * i for i in range(1000))]),
    ]
    costs = {REFERENCE: _linear(1e-5), candidate: candidate_cost}
    backend = _ScriptedBackend(_Host(slowdowns), costs)
    return measure_solution(backend, candidate, REFERENCE, "f", levels, config=FAST_CONFIG)


def test_kills_during_a_burst_that_slows_the_reference_too_are_not_tle(pauses):
    """The expert against itself, killed by a burst that the reference, run right after
    the kill, also runs 3x slow in: not evidence; measured again with the limit widened
    by that slowdown, it is timed, as the reference is in the same burst."""
    result = _measure_scripted([1, 1, BURST, BURST, BURST, BURST], _linear(1e-5))
    assert result.verdict == Verdict.OK and result.passed
    case = result.levels[1].cases[0]
    assert case.witness_cpu_s == pytest.approx([0.03])
    # The witness pairs with nothing; the pair run in the burst is as slow on both sides.
    assert len(case.reference_cpu_s) == len(case.candidate_cpu_s) + 1
    assert case.candidate_cpu_s[0] == pytest.approx(0.03)
    assert case.reference_cpu_s[:2] == pytest.approx([0.01, 0.03])
    assert case.ratio == pytest.approx(1.0)
    assert pauses == pytest.approx([measure.SETTLE_PAUSE_S])


def test_a_level_stops_at_its_first_tle_case_and_the_next_level_is_still_run(pauses):
    answer = sum(i * i for i in range(1000))
    levels = [
        LevelInputs("edge", 0, [(5,)], [30]),
        LevelInputs("small", 1, [(1000,), (1000,)], [answer, answer]),
        LevelInputs("large", 1, [(1000,)], [answer]),
    ]
    backend = _ScriptedBackend(_Host([]), {REFERENCE: _linear(1e-5), SLOW: _loops_on_large_inputs})
    result = measure_solution(backend, SLOW, REFERENCE, "f", levels, config=FAST_CONFIG)
    assert result.verdict == Verdict.TLE
    small, large = result.levels[1:]
    assert small.verdict == Verdict.TLE and len(small.cases) == 1  # its second case not run
    assert large.verdict == Verdict.TLE and len(large.cases) == 1


def test_a_load_that_does_not_pass_leaves_verdicts_right(pauses):
    # Every run after the first reference 3x slow: the limit follows the load.
    sustained = [1, 1] + [BURST] * 400
    assert _measure_scripted(sustained, _linear(1e-5)).verdict == Verdict.OK
    slow = _measure_scripted(sustained, _linear(1e-4), candidate=SLOW)
    assert slow.verdict == Verdict.TLE
    assert slow.levels[1].cases[0].witness_cpu_s == pytest.approx([0.03] * 3)
    assert pauses == pytest.approx([measure.SETTLE_PAUSE_S] * 2)


@pytest.mark.parametrize(
    "candidate_cost", [_loops_on_large_inputs, _linear(1e-4)], ids=["infinite-loop", "10x-slower"]
)
@pytest.mark.parametrize("burst", [False, True], ids=["calm", "burst-first"])
def test_a_slow_candidate_is_tle_after_confirmed_strikes(pauses, candidate_cost, burst):
    # With a burst, the first kill's witness is slow too: that kill is not counted.
    slowdowns = [1, 1, BURST, BURST] if burst else []
    result = _measure_scripted(slowdowns, candidate_cost, candidate=SLOW)
    assert result.verdict == Verdict.TLE and result.passed
    case = result.levels[1].cases[0]
    assert case.verdict == Verdict.TLE and not case.candidate_cpu_s
    calm = [0.01] * FAST_CONFIG.tle_strikes
    assert case.witness_cpu_s == pytest.approx([0.03, *calm] if burst else calm)
    assert case.reference_cpu_s == pytest.approx([0.01])
    assert len(pauses) == burst


def test_a_sample_under_alpha_is_not_struck_by_a_burst_that_slows_its_witness_less(pauses):
    # 1.66x the reference (limit 2x): a 25% burst kills it, and the reference, run right
    # after, is 20% slow. The kill shows the sample at most 2 / 1.2 = 1.67x the reference
    # in the same conditions, not over alpha: no strike (the old rule, a witness within
    # 1.25x of the median, struck it twice and made it TLE).
    burst = [1, 1] + [1.25, 1.2] * 2
    result = _measure_scripted(burst, _linear(1.66e-5), candidate=SLOW)
    assert result.verdict == Verdict.OK and result.passed
    case = result.levels[1].cases[0]
    assert case.witness_cpu_s == pytest.approx([0.012]) and case.ratio == pytest.approx(1.66)


def test_a_host_that_never_settles_is_a_sandbox_error_not_tle(pauses):
    # Slower and slower, past the most the limit is widened for (MAX_LOAD_SCALE).
    result = _measure_scripted([1, 1, BURST, BURST] + [9.0] * 100, _linear(1e-5))
    assert result.verdict == Verdict.SANDBOX_ERROR and not result.passed
    assert "too noisy to judge" in result.error and "not the candidate's" in result.error
    assert len(pauses) == measure.MAX_DISTURBED_KILLS - 1


def test_a_case_stored_before_witnesses_existed_loads():
    stored = {
        "candidate_cpu_s": [0.01], "reference_cpu_s": [0.01, 0.01], "candidate_peak_kb": 1,
        "reference_peak_kb": 1, "candidate_extra_kb": 0, "reference_extra_kb": 0,
        "limit_s": 0.02, "verdict": "OK",
    }  # fmt: skip
    case = CaseMeasurement.from_dict(stored)
    assert case.witness_cpu_s == [] and case.ratio == pytest.approx(1.0)


def test_a_measurement_round_trips_through_its_stored_form(backend):
    import json

    from codeeff.measure import SolutionMeasurement

    for source in (REFERENCE, "def f(n):\n    return 0\n"):
        measured = _measure(backend, source)
        stored = json.loads(json.dumps(measured.to_dict()))
        assert SolutionMeasurement.from_dict(stored) == measured


def test_inputs_go_in_and_out_of_a_sandbox_in_one_message_each(backend):
    from codeeff.sandbox.base import SandboxLimits

    limits = SandboxLimits(memory_mb=256)
    with backend.open("def f(n, s):\n    return [n, s]\n", "f", limits, cpu=default_cpu()) as box:
        sent = []
        send = box.channel.send
        box.channel.send = lambda header, payload=b"": (sent.append(header["op"]),
                                                       send(header, payload))  # fmt: skip
        box.add_inputs({key: (key, "x" * key) for key in range(50)})
        assert sent == ["inputs"]
        assert box.run(7, 1.0, 2.0).output == [7, "xxxxxxx"]
        box.forget_inputs(range(50))
        # (null baseline runs go as "run" messages too)
        assert sent.count("inputs") == 1 and sent.count("forget") == 1 and "input" not in sent
        with pytest.raises(SandboxError, match="no input"):
            box.run(7, 1.0, 2.0)


class _FlakySandbox:
    """Fails as the harness `failures` times, then answers OK (or a candidate's RE)."""

    def __init__(self, failures: int, then: Verdict = Verdict.OK):
        self.failures, self.then, self.calls = failures, then, 0

    def run(self, key, cpu_limit_s, wall_limit_s):
        self.calls += 1
        if self.calls <= self.failures:
            return RunResult(Verdict.SANDBOX_ERROR, error="the run's child died during its set-up")
        return RunResult(self.then, output=1)


def test_a_run_the_sandbox_failed_is_made_again_a_bounded_number_of_times():
    from codeeff.measure import HARNESS_RETRIES, _run_again_if_the_harness_failed

    once = _FlakySandbox(1)
    assert _run_again_if_the_harness_failed(once, 0, 0.1).verdict == Verdict.OK
    assert once.calls == 2
    always = _FlakySandbox(100)
    assert _run_again_if_the_harness_failed(always, 0, 0.1).verdict == Verdict.SANDBOX_ERROR
    assert always.calls == HARNESS_RETRIES + 1
    candidate_fault = _FlakySandbox(0, Verdict.RE)  # the sample's own failure: never again
    assert _run_again_if_the_harness_failed(candidate_fault, 0, 0.1).verdict == Verdict.RE
    assert candidate_fault.calls == 1
