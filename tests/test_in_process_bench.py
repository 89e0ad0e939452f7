"""bench/in_process.py: the benches' in-process stand-in for a sandbox (trusted code only),
which bench/enamel_fidelity.py uses to split a difference from ENAMEL's harness into the
sandbox's part and the rules' part. Its runs must be what a sandboxed run is, less the
fresh process: no state from one run to the next, limits that stop a run, failures as
verdicts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from in_process import InProcessBackend  # noqa: E402

from codeeff.measure import LevelInputs, MeasureConfig, measure_solution  # noqa: E402
from codeeff.sandbox.base import SandboxLimits, Verdict  # noqa: E402


def _run(source: str, args: tuple, cpu_limit_s: float = 1.0, runs: int = 1):
    with InProcessBackend().open(source, "f", SandboxLimits()) as sandbox:
        sandbox.add_input(0, args)
        return [sandbox.run(0, cpu_limit_s, 10 * cpu_limit_s) for _ in range(runs)]


def test_no_state_passes_between_runs():
    # Module state (a cache, a counter) is the solution's own, made afresh each run, and
    # the stored input is copied: a run that mutates it leaves the next run's alone.
    source = (
        "calls = []\n"
        "def f(xs):\n"
        "    calls.append(1)\n"
        "    xs.append(len(xs))\n"
        "    return [len(calls), len(xs)]\n"
    )
    results = _run(source, ([1, 2, 3],), runs=3)
    assert [r.verdict for r in results] == [Verdict.OK] * 3
    assert [r.output for r in results] == [[1, 4]] * 3


def test_an_endless_loop_is_stopped_at_its_cpu_limit():
    (result,) = _run("def f(n):\n    while True:\n        n += 1\n", (0,), cpu_limit_s=0.05)
    assert result.verdict == Verdict.TLE
    assert 0.04 <= result.cpu_s < 1.0


def test_a_raising_solution_is_a_runtime_error_naming_it():
    (result,) = _run("def f(n):\n    return 1 / n\n", (0,))
    assert result.verdict == Verdict.RE
    assert "ZeroDivisionError" in result.error


def test_measure_solution_runs_on_it_and_tells_a_slower_solution():
    # The same measurement code as the sandbox's: a right answer passes the gate and is
    # timed in pairs; a 20x slower one is over alpha x the expert's time.
    expert = "def f(n):\n    return sum(range(n))\n"
    slower = (
        "def f(n):\n"
        "    total = 0\n"
        "    for _ in range(20):\n"
        "        total = sum(range(n))\n"
        "    return total\n"
    )
    levels = [
        LevelInputs("edge", 0, [(3,), (10,)], [3, 45]),
        LevelInputs("big", 1, [(200_000,)], [sum(range(200_000))]),
    ]
    config = MeasureConfig(min_repeats=3, max_repeats=5)
    same = measure_solution(InProcessBackend(), expert, expert, "f", levels, config=config)
    slow = measure_solution(InProcessBackend(), slower, expert, "f", levels, config=config)
    assert same.verdict == Verdict.OK and same.passed
    assert slow.verdict == Verdict.TLE
    assert same.levels[1].cases[0].ratio == pytest.approx(1.0, rel=0.5)
