"""Per-run harness overhead of the local backend, against a bare interpreter and a fork.

All figures are medians measured in this one run, on the same pinned CPU:
- `python -c pass`: a fresh interpreter per run (what a naive harness pays);
- plain fork: fork + exit + wait of this (harness) process, no sandbox, no protocol;
- local backend: one measured run of a no-op entry point, alternating between two
  warm sandboxes as measure.py alternates candidate and reference (request, start of
  the child, seccomp, call, encode, reap, fresh scratch, answer; and the null runs).

    python bench/overhead.py [--runs 200]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

from codeeff.sandbox.base import SandboxLimits
from codeeff.sandbox.local import LocalBackend, default_cpu

TARGET_MS = 1.5  # issue 13: with two sandboxes alternating, as measure.py runs them


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1e3


def bare_interpreter(runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        times.append(time.perf_counter() - started)
    return times


def plain_fork(runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        os.waitpid(pid, 0)
        times.append(time.perf_counter() - started)
    return times


def backend_runs(runs: int, cpu: int | None) -> tuple[list[float], list[float]]:
    backend = LocalBackend()
    walls, cpus = [], []
    source = "def f():\n    return None\n"
    with (
        backend.open(source, "f", SandboxLimits(), cpu=cpu) as first,
        backend.open(source, "f", SandboxLimits(), cpu=cpu) as second,
    ):
        for sandbox in (first, second):
            sandbox.add_input(0, ())
        for index in range(runs):
            result = (first, second)[index % 2].run(0, 1.0, 5.0)
            walls.append(result.wall_s)
            cpus.append(result.cpu_s)
    return walls, cpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    cpu = default_cpu()
    if cpu is not None:
        os.sched_setaffinity(0, {cpu})
    import numpy  # noqa: F401  (the zygote preloads it too: compare like with like)

    bare = median_ms(bare_interpreter(max(20, args.runs // 10)))
    fork = median_ms(plain_fork(args.runs))
    walls, cpus = backend_runs(args.runs, cpu)
    run = median_ms(walls)
    print(f"python -c pass           : {bare:7.3f} ms per run")
    print(f"plain fork+exit+wait     : {fork:7.3f} ms per run")
    child_cpu = median_ms(cpus)
    print(f"local backend, no-op run : {run:7.3f} ms wall per run (child CPU {child_cpu:.3f} ms)")
    print(f"  ratio to python -c pass: {run / bare:6.3f}")
    print(f"  ratio to plain fork    : {run / fork:6.3f}  (beyond the fork: {run - fork:.3f} ms)")
    verdict = "met" if run <= TARGET_MS else "NOT met"
    print(f"  target: median wall per measured no-op run <= {TARGET_MS} ms -> {verdict}")


if __name__ == "__main__":
    main()
