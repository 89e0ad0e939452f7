"""Self-ratio: one solution measured as both candidate and reference.

A trustworthy harness gives a time ratio of 1.0; the spread over repeated measurements
is the noise a user sees. Prints, per workload, the 20 ratios' median, min, max and how
many lie within 3% of 1.0 (target for the 20 ms workload: 19 of 20).

    python bench/self_ratio.py [--trials 20] [--backend local|docker]
"""

from __future__ import annotations

import argparse
import statistics
import time

from codeeff.measure import LevelInputs, MeasureConfig, measure_solution
from codeeff.sandbox import backends
from codeeff.sandbox.local import default_cpu

SOLUTION = """
def work(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total
"""


def calibrate(target_s: float) -> int:
    """Loop count whose in-process CPU time is about target_s."""
    namespace: dict = {}
    exec(SOLUTION, namespace)
    n = 10_000
    while True:
        started = time.process_time()
        namespace["work"](n)
        elapsed = time.process_time() - started
        if elapsed > 0.005:
            return max(1, int(n * target_s / elapsed))
        n *= 4


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--backend", choices=backends.NAMES, default=backends.DEFAULT)
    args = parser.parse_args()
    backend = backends.get(args.backend)
    print(f"backend: {args.backend}")
    namespace: dict = {}
    exec(SOLUTION, namespace)
    for label, target_s in (("20 ms", 0.020), ("2 ms", 0.002)):
        n = calibrate(target_s)
        expected = namespace["work"](n)
        levels = [
            LevelInputs("edge", 0, [(10,)], [namespace["work"](10)]),
            LevelInputs("stress", 1, [(n,)], [expected]),
        ]
        ratios, repeats, references = [], [], []
        for _ in range(args.trials):
            result = measure_solution(
                backend, SOLUTION, SOLUTION, "work", levels, config=MeasureConfig(),
                cpu=default_cpu(),
            )  # fmt: skip
            level = result.levels[1]
            ratios.append(level.candidate_s / level.reference_s)
            repeats.append(len(level.cases[0].candidate_cpu_s))
            references.append(level.reference_s)
        within = sum(abs(r - 1) <= 0.03 for r in ratios)
        print(
            f"{label} workload (reference median {statistics.median(references) * 1e3:.2f} ms CPU, "
            f"{statistics.median(repeats):.0f} pairs per measurement): ratio median "
            f"{statistics.median(ratios):.4f}, min {min(ratios):.4f}, max {max(ratios):.4f}, "
            f"within 3% of 1.0: {within}/{len(ratios)}"
        )
        print("  ratios: " + " ".join(f"{r:.3f}" for r in ratios))


if __name__ == "__main__":
    main()
