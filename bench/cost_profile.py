"""Where a sample's cost goes: one tier of a suite measured as samples, broken down.

Every task's chosen tier is measured against the expert as evaluate does (same inputs,
same MeasureConfig, one pinned core), through a backend that records each sandboxed
run's phase (gate, stress candidate, stress reference, witness, null baseline), its
wall time (on a pinned, otherwise idle core this is the core's busy time: fork, set-up,
the solution's work, encoding, exit, the harness's side), and the wall time of opening a
sandbox, sending it the inputs and closing it and the CPU charged to the
solution. Input generation and the expert's expected answers (trusted, in this
process) are timed apart. Prints, per phase, runs and seconds per sample, and per task
the total; the share of each phase is where a cheaper path must save.

    python bench/cost_profile.py [--suite core] [--tier expert] [--tasks a,b]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter, defaultdict
from dataclasses import asdict

from codeeff.evaluate import EvaluateConfig
from codeeff.kinds.function import problem_levels
from codeeff.measure import MeasureConfig, measure_solution
from codeeff.problems import default_root, load_suite
from codeeff.sandbox.base import (
    BatchResult,
    RunResult,
    Sandbox,
    SandboxBackend,
    SandboxLimits,
    Verdict,
)
from codeeff.sandbox.local import LocalBackend, LocalSandbox, default_cpu

PHASES = (
    "inputs", "open", "send inputs", "gate", "stress candidate", "stress reference", "witness",
    "null", "close",
)  # fmt: skip


class Ledger:
    """Seconds and counts per phase, for the task being measured."""

    def __init__(self) -> None:
        self.seconds: Counter[str] = Counter()
        self.charged: Counter[str] = Counter()
        self.runs: Counter[str] = Counter()
        self.candidate_killed = False  # the next reference run is then a witness

    def add(self, phase: str, wall_s: float, charged_s: float = 0.0) -> None:
        self.seconds[phase] += wall_s
        self.charged[phase] += charged_s
        self.runs[phase] += 1


class RecordingSandbox(Sandbox):
    """A real LocalSandbox; each run is booked in the ledger under its phase (a batch,
    which only the gate uses, as one gate run; its occasional null runs with it)."""

    def __init__(self, inner: LocalSandbox, role: str, gate_inputs: set[int], ledger: Ledger):
        self.inner, self.role, self.gate_inputs, self.ledger = inner, role, gate_inputs, ledger
        self.guarantees = inner.guarantees
        self.inputs: dict[int, int] = {}

    def add_input(self, key: int, args: tuple) -> None:
        self.inputs[key] = id(args)
        started = time.perf_counter()
        self.inner.add_input(key, args)
        self.ledger.add("send inputs", time.perf_counter() - started)

    def forget(self, key: int) -> None:
        self.inputs.pop(key, None)
        self.inner.forget(key)

    def add_inputs(self, inputs) -> None:
        self.inputs.update({key: id(args) for key, args in inputs.items()})
        started = time.perf_counter()
        self.inner.add_inputs(inputs)
        self.ledger.add("send inputs", time.perf_counter() - started)

    def forget_inputs(self, keys) -> None:
        keys = list(keys)
        for key in keys:
            self.inputs.pop(key, None)
        self.inner.forget_inputs(keys)

    def run(self, key: int, cpu_limit_s: float, wall_limit_s: float) -> RunResult:
        nulls_before = len(self.inner._null_cpu_s)
        started = time.perf_counter()
        result = self.inner.run(key, cpu_limit_s, wall_limit_s)
        wall_s = time.perf_counter() - started
        # A null baseline run is made inside run() now and then: booked apart (the time
        # outside the measured request is the null runs' and a little bookkeeping).
        nulls = len(self.inner._null_cpu_s) - nulls_before
        null_s = wall_s - result.wall_s if nulls else 0.0
        for _ in range(nulls):
            self.ledger.add("null", null_s / nulls)
        if self.inputs.get(key) in self.gate_inputs:
            phase = "gate"
        elif self.role == "candidate":
            phase = "stress candidate"
            self.ledger.candidate_killed = result.verdict == Verdict.TLE
        else:
            phase = "witness" if self.ledger.candidate_killed else "stress reference"
            self.ledger.candidate_killed = False
        self.ledger.add(phase, wall_s - null_s, result.cpu_s)
        return result

    def run_batch(self, keys: list[int], cpu_limit_s: float, wall_limit_s: float) -> BatchResult:
        started = time.perf_counter()
        batch = self.inner.run_batch(keys, cpu_limit_s, wall_limit_s)
        self.ledger.add("gate", time.perf_counter() - started, batch.run.cpu_s)
        return batch

    def close(self) -> None:
        started = time.perf_counter()
        self.inner.close()
        self.ledger.add("close", time.perf_counter() - started)


class RecordingBackend(SandboxBackend):
    """Opens LocalBackend sandboxes: the first of each pair is the candidate."""

    name = "local, recorded"

    def __init__(self, inner: LocalBackend, ledger: Ledger, gate_inputs: set[int]):
        self.inner, self.ledger, self.gate_inputs = inner, ledger, gate_inputs
        self.opened: list[RecordingSandbox] = []

    def open(
        self, source: str, entry_point: str, limits: SandboxLimits, cpu: int | None = None
    ) -> Sandbox:
        role = "candidate" if len(self.opened) % 2 == 0 else "reference"
        started = time.perf_counter()
        inner = self.inner.open(source, entry_point, limits, cpu=cpu)
        self.ledger.add("open", time.perf_counter() - started)
        sandbox = RecordingSandbox(inner, role, self.gate_inputs, self.ledger)
        self.opened.append(sandbox)
        return sandbox

    def guarantees(self):
        return self.inner.guarantees()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", default="core")
    parser.add_argument("--tier", default="expert", help="the tier measured as the sample")
    parser.add_argument("--tasks", default="", help="comma-separated task names (default all)")
    args = parser.parse_args()
    cpu = default_cpu()
    if cpu is not None:
        os.sched_setaffinity(0, {cpu})
    backend = LocalBackend()
    problems = load_suite(args.suite)
    if args.tasks:
        wanted = {f"{args.suite}/{t}" if "/" not in t else t for t in args.tasks.split(",")}
        problems = [p for p in problems if p.task_id in wanted]
    config = EvaluateConfig(suite=args.suite, measure=MeasureConfig())
    totals: dict[str, Ledger] = defaultdict(Ledger)
    print(f"pinned to CPU {cpu}; {len(problems)} tasks; tier {args.tier} as the sample")
    header = f"{'task':28s} {'total s':>8s} " + " ".join(f"{p[:14]:>14s}" for p in PHASES)
    print(header)
    grand = Ledger()
    for problem in problems:
        ledger = totals[problem.task_id]
        started = time.process_time()
        # The inputs evaluate gives a sample, made afresh (not from the worker's cache).
        problem, levels = problem_levels.__wrapped__(problem.task_id, default_root(), "cost")
        ledger.add("inputs", time.process_time() - started)
        gate_inputs = {id(args) for args in levels[0].cases}
        recording = RecordingBackend(backend, ledger, gate_inputs)
        measured = measure_solution(
            recording, problem.tier(args.tier).source, problem.expert.source,
            problem.entry_point, levels, checker=problem.checker,
            config=config.for_problem(problem), cpu=cpu,
        )  # fmt: skip
        for phase in PHASES:
            grand.seconds[phase] += ledger.seconds[phase]
            grand.charged[phase] += ledger.charged[phase]
            grand.runs[phase] += ledger.runs[phase]
        total = sum(ledger.seconds.values())
        print(
            f"{problem.task_id:28s} {total:8.2f} "
            + " ".join(f"{ledger.seconds[p]:8.2f}/{ledger.runs[p]:<5d}" for p in PHASES)
            + ("" if measured.verdict.value == "OK" else f" {measured.verdict.value}"),
            flush=True,
        )
    count = max(1, len(problems))
    total = sum(grand.seconds.values())
    print(f"\nper sample (mean over {count} tasks): {total / count:.2f} s on the pinned core")
    for phase in PHASES:
        runs, seconds, charged = grand.runs[phase], grand.seconds[phase], grand.charged[phase]
        per_run = seconds / runs * 1e3 if runs else 0.0
        overhead = (seconds - charged) / runs * 1e3 if runs and phase != "inputs" else 0.0
        print(
            f"  {phase:17s} {seconds / count:7.2f} s ({seconds / max(total, 1e-9):5.1%}), "
            f"{runs / count:7.1f} runs, {per_run:7.2f} ms/run"
            + (f", of which not the solution's: {overhead:.2f} ms/run" if overhead else "")
        )
    print(f"config: {asdict(config.for_problem(problems[0])) if problems else {}}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
