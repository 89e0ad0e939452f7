"""Ratio fidelity: does the sandbox charge only a solution's own work?

A pair of solutions (same entry point, same input, same one-value answer) whose work
differs by exactly a factor F: one loop run N times, the other N x F times, N
calibrated in this process so that the fast one takes the chosen scale of CPU per
call. The ratio is measured twice: (a) in-process, trusted and unsandboxed: both
sources exec'd here and called alternately (ABBA) on one pinned core, each call timed
with this thread's CPU clock; (b) with measure_solution (candidate = slow, reference =
fast) in the sandbox. A fixed cost per sandboxed run (fork, loading the solution,
encoding the answer, exit) adds to both sides and compresses the sandbox ratio
towards 1; the absolute times printed beside the ratios show that cost.

Target: sandbox ratio / in-process ratio within +-5% at every scale from 0.5 ms up and
within +-10% at 0.05 ms, for F = 2 and F = 10; each cell is measured --trials times and
its worst trial is judged. Exits non-zero if any cell misses the target.

    python bench/ratio_fidelity.py [--trials 3] [--scales 0.05,0.5,5,50] [--quick]
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time
from dataclasses import dataclass

from codeeff.measure import LevelInputs, MeasureConfig, measure_solution
from codeeff.metrics import hodges_lehmann
from codeeff.sandbox.local import LocalBackend, default_cpu

# The loop's cost is linear in its trip count: one small-int XOR per iteration (i and
# total stay below 2**30, one CPython digit), no allocation beyond the loop's own ints.
# The answer depends on the loop and is the same for both solutions of a pair.
TEMPLATE = """
def work(n):
    total = 0
    for i in range(n * {factor}):
        total ^= i
    return total >= 0
"""
GATE_N = 10  # the correctness gate's input: a few iterations


def source(factor: int) -> str:
    return TEMPLATE.format(factor=factor)


def compiled(factor: int):
    namespace: dict = {}
    exec(source(factor), namespace)
    return namespace["work"]


def calibrate(target_s: float) -> int:
    """Trip count whose in-process CPU time (factor 1) is about target_s."""
    work = compiled(1)
    n = 10_000
    while True:
        samples = []
        for _ in range(7):
            started = time.thread_time()
            work(n)
            samples.append(time.thread_time() - started)
        elapsed = min(samples)  # other load only ever adds
        if elapsed > 0.01:
            return max(1, round(n * target_s / elapsed))
        n *= 4


def paired_ratio(slow: list[float], fast: list[float]) -> float:
    """Hodges-Lehmann estimate over the paired log ratios (as measure.py does)."""
    logs = [math.log(s / f) for s, f in zip(slow, fast, strict=True) if s > 0 and f > 0]
    return math.exp(hodges_lehmann(logs))


@dataclass
class Trial:
    inproc_ratio: float
    inproc_fast_s: float
    inproc_slow_s: float
    inproc_pairs: int
    sandbox_ratio: float
    sandbox_fast_s: float
    sandbox_slow_s: float
    sandbox_pairs: int
    sandbox_verdict: str

    @property
    def fidelity(self) -> float:
        return self.sandbox_ratio / self.inproc_ratio

    @property
    def marginal(self) -> float:
        """Sandbox (slow - fast) over in-process (slow - fast): the fixed cost cancels, so
        this is how much more a unit of the solution's own work is charged in the sandbox."""
        return (self.sandbox_slow_s - self.sandbox_fast_s) / (
            self.inproc_slow_s - self.inproc_fast_s
        )

    @property
    def fixed_s(self) -> float:
        """Per-run fixed cost: the intercept of sandbox time against in-process time through
        the pair's two points (sandbox = fixed + marginal x in-process)."""
        return self.sandbox_fast_s - self.marginal * self.inproc_fast_s


def in_process(
    factor: int, n: int, scale_s: float, budget_s: float
) -> tuple[float, float, float, int]:
    """(ratio, fast median s, slow median s, pairs) from alternating in-process calls."""
    fast, slow = compiled(1), compiled(factor)
    pairs = int(min(2000, max(20, budget_s / (scale_s * (1 + factor)))))
    clock = time.thread_time
    for _ in range(3):  # warm up
        fast(n)
        slow(n)
    fast_s, slow_s = [], []
    for index in range(pairs):
        order = ((slow, slow_s), (fast, fast_s))
        for function, times in order if index % 2 == 0 else order[::-1]:
            started = clock()
            function(n)
            times.append(clock() - started)
    return (
        paired_ratio(slow_s, fast_s), statistics.median(fast_s), statistics.median(slow_s),
        pairs,
    )  # fmt: skip


def in_sandbox(backend: LocalBackend, factor: int, n: int, cpu: int | None, config: MeasureConfig):
    levels = [
        LevelInputs("edge", 0, [(GATE_N,)], [True]),
        LevelInputs("stress", 1, [(n,)], [True]),
    ]
    result = measure_solution(
        backend, source(factor), source(1), "work", levels, config=config, cpu=cpu
    )
    if result.verdict.value != "OK" or len(result.levels) < 2:
        return math.nan, math.nan, math.nan, 0, f"{result.verdict.value}: {result.error}"
    level = result.levels[1]
    pairs = len(level.cases[0].candidate_cpu_s)
    ratio = level.candidate_s / level.reference_s
    return ratio, level.reference_s, level.candidate_s, pairs, result.verdict.value


def tolerance(scale_s: float) -> float:
    return 0.05 if scale_s >= 0.0005 - 1e-12 else 0.10


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=3)
    parser.add_argument(
        "--scales", default="0.05,0.5,5,50", help="CPU ms per call of the fast solution"
    )
    parser.add_argument("--factors", default="2,10", help="work ratios slow/fast")
    parser.add_argument(
        "--inproc-budget", type=float, default=2.0,
        help="CPU seconds per in-process measurement (sets the number of pairs)",
    )  # fmt: skip
    parser.add_argument(
        "--quick", action="store_true",
        help="smoke test: 1 trial, 0.3 s in-process budget, at most 10 sandbox repeats",
    )  # fmt: skip
    args = parser.parse_args()
    trials = 1 if args.quick else args.trials
    budget = 0.3 if args.quick else args.inproc_budget
    scales_ms = [float(s) for s in args.scales.split(",")]
    factors = [int(f) for f in args.factors.split(",")]

    cpu = default_cpu()
    if cpu is not None:  # this process, its calls and both sandboxes on one core
        os.sched_setaffinity(0, {cpu})
    backend = LocalBackend()
    print(f"pinned to CPU {cpu}; {trials} trial(s) per cell; worst trial shown", flush=True)

    rows, failed = [], 0
    for scale_ms in scales_ms:
        scale_s = scale_ms / 1e3
        n = calibrate(scale_s)
        for factor in factors:
            # Alpha well above the factor: the slow one must be timed, never killed.
            config = MeasureConfig(alpha=3.0 * factor)
            if args.quick:
                config = MeasureConfig(alpha=3.0 * factor, max_repeats=10)
            results = []
            for _ in range(trials):
                ip = in_process(factor, n, scale_s, budget)
                sb = in_sandbox(backend, factor, n, cpu, config)
                results.append(Trial(*ip, *sb))
            fidelities = [t.fidelity for t in results]
            worst = max(
                results,
                key=lambda t: math.inf if math.isnan(t.fidelity) else abs(t.fidelity - 1),
            )
            tol = tolerance(scale_s)
            ok = not math.isnan(worst.fidelity) and abs(worst.fidelity - 1) <= tol
            failed += not ok
            rows.append((scale_ms, factor, n, worst, fidelities, tol, ok))
            print(
                f"  {scale_ms:g} ms x{factor}: sandbox/in-process "
                + " ".join(f"{f:.4f}" for f in fidelities)
                + ("" if worst.sandbox_verdict == "OK" else f" ({worst.sandbox_verdict})"),
                flush=True,
            )

    headers = ["scale", "factor", "in-proc ratio", "sandbox ratio", "sbx/in-proc", "target",
               "result", "in-proc fast ms", "sandbox ref ms", "extra ms", "in-proc slow ms",
               "sandbox cand ms", "marginal sbx/in", "fixed ms", "pairs in/sbx"]  # fmt: skip
    table = []
    for scale_ms, factor, _n, t, _f, tol, ok in rows:
        table.append([
            f"{scale_ms:g} ms", f"{factor}x", f"{t.inproc_ratio:.4f}", f"{t.sandbox_ratio:.4f}",
            f"{t.fidelity:.4f}", f"+-{tol:.0%}", "pass" if ok else "FAIL",
            f"{t.inproc_fast_s * 1e3:.4f}", f"{t.sandbox_fast_s * 1e3:.4f}",
            f"{(t.sandbox_fast_s - t.inproc_fast_s) * 1e3:+.4f}",
            f"{t.inproc_slow_s * 1e3:.4f}", f"{t.sandbox_slow_s * 1e3:.4f}", f"{t.marginal:.4f}",
            f"{t.fixed_s * 1e3:+.4f}",
            f"{t.inproc_pairs}/{t.sandbox_pairs}",
        ])  # fmt: skip
    widths = [max(len(str(c)) for c in column) for column in zip(headers, *table, strict=True)]
    print()
    for row in [headers, ["-" * w for w in widths], *table]:
        print("  ".join(str(c).rjust(w) for c, w in zip(row, widths, strict=True)))
    print(
        "\nextra ms = sandbox reference median - in-process fast median; marginal sbx/in = "
        "(sandbox cand - ref) / (in-process slow - fast): 1.0 when a unit of the solution's "
        "own work\ncosts the same in both (the fixed cost cancels in it); fixed ms = sandbox "
        "ref - marginal x in-process fast: what a sandboxed run is charged beyond that work"
    )
    print(f"{len(rows) - failed}/{len(rows)} cells met the target")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
