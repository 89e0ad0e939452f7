"""Noisy machine: the expert tier scored against itself while other processes load the CPUs.

The expert tier of a suite is exported as a samples file and evaluated with one pool
worker (jobs=1), which pins itself and its sandboxes to the first allowed CPU (see
executors.local.pool_cpus). Meanwhile two kinds of disturber run, each a separate process:
a CPU hog (a busy loop) on every other allowed CPU, and a bursty process on the
measured CPU itself (busy for duty x period of its own CPU time, asleep for the rest of
the period, in a loop). Slower tiers are not timed (measure_tiers=False). Each of --runs
evaluations is a fresh run (its own repetition string, so fresh inputs and no resume).

Every sample is the expert measured against itself, so any verdict other than OK is a
false one (a false TLE or WA) and eff@1 should be 1. Target: no false TLE/WA and eff@1
within 1.00 +- 0.02, in every run. Prints per run the tasks, verdict counts, false
verdicts, pass@1 and eff@1 (over the tasks evaluated), and the disturbers' measured
CPU use; exits non-zero if the target is missed.

    python bench/noisy.py [--suite core] [--runs 2] [--period-ms 100] [--duty 0.2]
    python bench/noisy.py --tasks lamp_shelf,help_desk   # smoke test on two tasks
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from codeeff.cli import main as codeeff
from codeeff.evaluate import EvaluateConfig, evaluate
from codeeff.executors.local import pool_cpus
from codeeff.report import summarize_stored_run
from codeeff.store import Store

HOG = "while True:\n    pass\n"
# Busy for duty x period of its own CPU time (not wall time: sharing the core with a
# sandbox would halve a wall-time burst), then asleep until the period is over.
BURSTY = """
import sys, time
period, duty = float(sys.argv[1]), float(sys.argv[2])
busy = period * duty
while True:
    started, cpu_started = time.perf_counter(), time.thread_time()
    while time.thread_time() - cpu_started < busy:
        pass
    time.sleep(max(0.0, period - (time.perf_counter() - started)))
"""
PR_SET_PDEATHSIG = 1
EFF_TOLERANCE = 0.02


def start_disturber(code: str, cpu: int, *args: str) -> subprocess.Popen:
    """A Python process running `code`, pinned to `cpu` before it starts, killed with us."""

    def pin() -> None:  # in the child, before exec
        os.sched_setaffinity(0, {cpu})
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except OSError:
            pass

    return subprocess.Popen(
        [sys.executable, "-c", code, *args], preexec_fn=pin, stdin=subprocess.DEVNULL
    )


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process so far, from /proc/<pid>/stat."""
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def write_samples(suite: str, tasks: list[str], path: Path) -> list[str]:
    """The suite's expert tier as samples (only `tasks` if given); returns the task ids."""
    codeeff(["references", "--suite", suite, "--tier", "expert", "-o", str(path)])
    lines = path.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    if tasks:
        wanted = {t if "/" in t else f"{suite}/{t}" for t in tasks}
        unknown = wanted - {r["task_id"] for r in records}
        if unknown:
            known = ", ".join(r["task_id"] for r in records)
            raise SystemExit(f"unknown task(s) {', '.join(sorted(unknown))}; known: {known}")
        records = [r for r in records if r["task_id"] in wanted]
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return [r["task_id"] for r in records]


def evaluate_once(samples: Path, task_ids: list[str], args, db: Path, index: int) -> dict:
    config = EvaluateConfig(
        suite=args.suite, measure_tiers=False, repetition=f"noisy {time.time()} run {index}"
    )
    done = [0]

    def progress(count: int) -> None:
        done[0] += count
        print(f"  run {index}: {done[0]}/{len(task_ids)} measured", file=sys.stderr, flush=True)

    started = time.perf_counter()
    outcome = evaluate(samples, config, db, jobs=1, label=f"noisy-expert-{index}",
                       progress=progress)  # fmt: skip
    wall_s = time.perf_counter() - started
    with Store(db) as store:
        stored = [r for r in store.results(outcome.run_id) if r.kind == "sample"]
        result = summarize_stored_run(store, outcome.run_id)
    # The summary averages over the whole suite (a task without a sample counts 0): with
    # --tasks only the evaluated tasks are averaged here.
    tasks = {t: result["tasks"][t] for t in task_ids}
    verdicts = Counter(r.verdict for r in stored)
    false = {f"{r.task_id} {r.verdict}": r.error[:200] for r in stored if r.verdict != "OK"}
    missing = sorted(set(task_ids) - {r.task_id for r in stored})
    pass_1 = sum(t["pass@1"] for t in tasks.values()) / len(tasks)
    eff_1 = sum(t["eff@1"] for t in tasks.values()) / len(tasks)
    outliers = {t: round(v["eff@1"], 3) for t, v in tasks.items() if abs(v["eff@1"] - 1) > 0.05}
    return {
        "run_id": outcome.run_id, "wall_s": wall_s, "tasks": len(tasks), "verdicts": verdicts,
        "false": false, "missing": missing, "pass@1": pass_1, "eff@1": eff_1,
        "outliers": outliers, "suite_summary": result["summary"],
    }  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", default="core")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--tasks", default="", help="comma-separated task ids (default: all)")
    parser.add_argument("--period-ms", type=float, default=100.0, help="bursty process period")
    parser.add_argument("--duty", type=float, default=0.2, help="bursty process busy fraction")
    parser.add_argument("--no-load", action="store_true", help="control: no disturbers")
    parser.add_argument("--db", default=None, help="results database (default: a temp file)")
    args = parser.parse_args()

    allowed = sorted(os.sched_getaffinity(0))
    measured = pool_cpus(allowed, 1, 1, gpu_suite=False)[0]  # where evaluate(jobs=1) pins
    others = [cpu for cpu in allowed if cpu != measured]
    if not args.no_load and not others:
        print("needs at least two allowed CPUs (one measured, one for the hog)", file=sys.stderr)
        return 2
    tasks = [t.strip() for t in args.tasks.split(",") if t.strip()]
    results, disturbers = [], []
    with tempfile.TemporaryDirectory() as folder:
        samples = Path(folder) / "expert.jsonl"
        task_ids = write_samples(args.suite, tasks, samples)
        db = Path(args.db) if args.db else Path(folder) / "noisy.db"
        print(
            f"{len(task_ids)} tasks; measured on CPU {measured}; "
            + ("no disturbers" if args.no_load else
               f"hog on CPU {', '.join(map(str, others))}; bursty on CPU {measured} "
               f"({args.duty:.0%} of {args.period_ms:g} ms)"),
            flush=True,
        )  # fmt: skip
        try:
            if not args.no_load:
                disturbers += [("hog", cpu, start_disturber(HOG, cpu)) for cpu in others]
                period_s = str(args.period_ms / 1e3)
                disturbers.append(
                    ("bursty", measured,
                     start_disturber(BURSTY, measured, period_s, str(args.duty)))
                )  # fmt: skip
            for index in range(1, args.runs + 1):
                before = {p.pid: cpu_seconds(p.pid) for _, _, p in disturbers}
                started = time.perf_counter()
                result = evaluate_once(samples, task_ids, args, db, index)
                wall_s = time.perf_counter() - started
                result["load"] = [
                    f"{name} on CPU {cpu} busy {(cpu_seconds(p.pid) - before[p.pid]) / wall_s:.0%}"
                    for name, cpu, p in disturbers
                ]
                results.append(result)
        finally:
            for _, _, process in disturbers:
                process.kill()
                process.wait()

    all_ok = True
    for index, r in enumerate(results, start=1):
        counts = ", ".join(f"{v} {n}" for v, n in sorted(r["verdicts"].items()))
        eff_ok = abs(r["eff@1"] - 1) <= EFF_TOLERANCE
        ok = eff_ok and not r["false"] and not r["missing"]
        all_ok &= ok
        print(
            f"run {index} ({r['run_id'][:8]}): {r['tasks']} tasks in {r['wall_s']:.0f} s; "
            f"verdicts: {counts or 'none'}; false TLE/WA (any non-OK): {len(r['false'])}; "
            f"pass@1 {r['pass@1']:.4f}, eff@1 {r['eff@1']:.4f} "
            f"({'within' if eff_ok else 'OUTSIDE'} 1.00 +- {EFF_TOLERANCE:.2f}) "
            f"-> {'pass' if ok else 'FAIL'}"
        )
        if r["load"]:
            print(f"  load: {'; '.join(r['load'])}")
        for what, error in r["false"].items():
            print(f"  false verdict {what}: {error}")
        if r["missing"]:
            print(f"  no result for: {', '.join(r['missing'])}")
        if r["outliers"]:
            print(f"  tasks with |eff@1 - 1| > 0.05: {r['outliers']}")
    if len(results) > 1:
        effs = [r["eff@1"] for r in results]
        print(f"eff@1 spread over runs: {max(effs) - min(effs):.4f}")
    print(
        f"target (0 false TLE/WA, eff@1 within 1.00 +- {EFF_TOLERANCE:.2f}, every run): "
        + ("PASS" if all_ok and results else "FAIL")
    )
    return 0 if all_ok and results else 1


if __name__ == "__main__":
    sys.exit(main())
