"""ENAMEL fidelity: ENAMEL's canonical samples scored by codeeff's `--preset enamel` against
the figures ENAMEL published, and (optionally) against ENAMEL's own harness, timed in
the same run.

ENAMEL's README gives, for its 142 problems: HumanEval canonical pass@1 0.908 and eff@1
0.458; HumanEval+ canonical pass@1 0.958 and eff@1 0.517. This bench imports ENAMEL's
published files (`codeeff import enamel`, into a temporary root unless --root), writes
each canonical sample file as a codeeff samples file, evaluates it with the preset, and
prints pass@1 and eff@1 beside the published figures (targets: pass@1 within 0.01,
eff@1 within 0.03), the wall and CPU time, and the tasks where a canonical sample failed,
with the first line of its error, to explain a difference. The inputs are ENAMEL's own
tests (the imported problems' published inputs, drawn with ENAMEL's seeds) unless
--fresh-inputs draws new ones as any run does.

With --enamel-harness (needs `pip install enam`, ENAMEL's library) the same samples are
also scored by ENAMEL's own evaluator (its defaults: 8/4/4/4 tests, hardness 0/3/3/4,
6 repeats, timeout factor 2, 4 GB), unsandboxed in a child process, and timed.

    python bench/enamel_fidelity.py [--from ../shared/data/enamel] [--jobs 2]
                                    [--samples humaneval,humanevalplus] [--enamel-harness]
                                    [--fresh-inputs]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipeline import CpuCounter  # bench/pipeline.py: CPU of everything this bench starts

from codeeff.evaluate import EvaluateConfig, evaluate
from codeeff.importers import enamel
from codeeff.importers.suite import import_suite
from codeeff.report import summarize_stored_run
from codeeff.store import Store

PUBLISHED = {  # ENAMEL's README: canonical samples on its 142 problems
    "humaneval": {"file": "humaneval-canonical.json", "pass@1": 0.908, "eff@1": 0.458},
    "humanevalplus": {"file": "humanevalplus-canonical.json", "pass@1": 0.958, "eff@1": 0.517},
}
PASS_TOLERANCE, EFF_TOLERANCE = 0.01, 0.03
DEFAULT_SOURCE = Path(__file__).resolve().parents[2] / "shared" / "data" / "enamel"

ENAMEL_HARNESS = r"""
import json, sys, time
from enam.evaluate import Evaluator
csv_path, samples_path, subset = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
codes = json.load(open(samples_path))
evaluator = Evaluator(csv_path, subset, n_tests=[8, 4, 4, 4], n_reps=6, hardness=[0, 3, 3, 4],
                      memory_giga=4, timeout_factor=2, tolerence_sec=0.01, seed=998244353)
started = time.perf_counter()
evaluator.make_tests()
metrics = evaluator.evaluate(codes, k=[1], save_name=sys.argv[4])
print(json.dumps(dict(metrics, seconds=time.perf_counter() - started)))
"""


def write_samples(codes: list, tasks: list[str], path: Path) -> int:
    """ENAMEL's sample file (a list per HumanEval number) as codeeff samples."""
    written = 0
    with open(path, "w", encoding="utf-8") as handle:
        for task_id in tasks:
            number = int(task_id.rsplit("_", 1)[1])
            for code in codes[number]:
                handle.write(json.dumps({"task_id": task_id, "solution": code}) + "\n")
                written += 1
    return written


def run_enamel_harness(source: Path, codes_path: Path, numbers: list[int], save: Path) -> dict:
    """ENAMEL's own evaluator on the samples; its per-sample level effs go to
    `<save>~effs.json` (ENAMEL's save_name)."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", ENAMEL_HARNESS, str(source / enamel.CSV_NAME), str(codes_path),
         json.dumps(numbers), str(save)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if result.returncode != 0:
        return {"error": result.stderr.strip().splitlines()[-1] if result.stderr else "failed"}
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    figures["wall_s"] = time.perf_counter() - started
    return figures


FLOOR_SOURCE = "def f(answer):\n    return answer\n"
FLOOR_REPEATS = 5
FLOOR_SHARE = 0.25  # a level whose answer costs this share of the expert's run to hand back
MICRO_S = 50e-6  # an expert faster than this is timed at the edge of any clock


def answer_floors(root: Path, task_ids: list[str]) -> dict[str, tuple[float, float]]:
    """(floor, expert) CPU seconds per task on the first case of its largest level
    (published inputs), both in the sandbox: the floor is a function returning the
    expected answer it is handed, the cost every solution pays to hand that answer back
    (encoding it in the child, inside the measured window); ENAMEL's harness times the
    call alone, in its own process."""
    from codeeff.problems import load_task
    from codeeff.sandbox.base import SandboxLimits
    from codeeff.sandbox.local import LocalBackend, default_cpu

    backend, cpu, floors = LocalBackend(), default_cpu(), {}
    limits = SandboxLimits(memory_mb=4096, output_limit_bytes=64 * 1024 * 1024)
    for task_id in task_ids:
        problem = load_task(task_id, root)
        level = problem.levels[-1]
        args = problem.generate(level, 0)
        (answer,) = problem.expected_outputs(level, [args])
        timed = []
        pairs = ((FLOOR_SOURCE, "f", (answer,)), (problem.expert.source, problem.entry_point, args))
        for source, entry, inputs in pairs:
            with backend.open(source, entry, limits, cpu=cpu) as sandbox:
                sandbox.add_input(0, inputs)
                runs = [sandbox.run(0, 10.0, 30.0) for _ in range(FLOOR_REPEATS)]
            times = sorted(run.cpu_s for run in runs)
            timed.append(times[len(times) // 2])
        floors[task_id] = (timed[0], timed[1])
    return floors


def per_task_differences(tasks: dict, save: Path, root: Path, limit: int = 25) -> None:
    """Each task's codeeff score beside ENAMEL's harness's (its first sample, level
    weights 0/3/3/4), the largest differences first, with both sides' level scores."""
    effs = json.loads(Path(f"{save}~effs.json").read_text())
    rows = []
    for task_id, task in tasks.items():
        number = str(int(task_id.rsplit("_", 1)[1]))
        if number not in effs or not task.get("samples"):
            continue
        theirs_levels = effs[number][0]
        theirs = sum(w * e for w, e in zip((0, 3, 3, 4), theirs_levels, strict=True)) / 10
        sample = task["samples"][0]
        ours_levels = [level["score"] for level in sample.get("levels", [])]
        rows.append(
            (
                sample["score"] - theirs,
                task_id,
                sample["score"],
                theirs,
                ours_levels,
                theirs_levels[1:],
                [level.get("t_ref_s") for level in sample.get("levels", [])],
            )
        )
    rows.sort(key=lambda row: -abs(row[0]))
    total = sum(row[0] for row in rows)
    print(
        f"  per task: sum of (codeeff - ENAMEL harness) over {len(rows)} tasks {total:+.2f} "
        f"(mean {total / max(len(rows), 1):+.4f}); the largest:"
    )
    floors = answer_floors(root, [row[1] for row in rows])
    groups: dict[str, list[float]] = {"answer floor": [], "microseconds": [], "other": []}
    for diff, task_id, *_ in rows:
        floor_s, expert_s = floors[task_id]
        group = ("answer floor" if floor_s >= FLOOR_SHARE * expert_s
                 else "microseconds" if expert_s < MICRO_S else "other")  # fmt: skip
        groups[group].append(diff)
    for diff, task_id, ours, theirs, ours_levels, theirs_levels, refs in rows[:limit]:
        floor_s, expert_s = floors[task_id]
        print(
            f"    {task_id}: {ours:.3f} vs {theirs:.3f} ({diff:+.3f}); levels "
            f"{[round(x, 2) for x in ours_levels]} vs {[round(x, 2) for x in theirs_levels]}; "
            f"expert ms {[round(r * 1e3, 3) if r else None for r in refs]}; "
            f"answer floor {floor_s * 1e3:.3f} ms of the expert's {expert_s * 1e3:.3f} ms"
        )
    for group, diffs in groups.items():
        print(f"  {group} (floor >= {FLOOR_SHARE:.0%} of the expert / expert < "
              f"{MICRO_S * 1e6:.0f} us / the rest): {len(diffs)} tasks, sum of differences "
              f"{sum(diffs):+.2f} (eff@1 {sum(diffs) / max(len(rows), 1):+.4f})")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from", dest="source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--root", type=Path, help="import here (default: a temporary folder)")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--samples", default="humaneval,humanevalplus")
    parser.add_argument("--enamel-harness", action="store_true")
    parser.add_argument(
        "--fresh-inputs", action="store_true",
        help="draw fresh inputs as any run does (default: ENAMEL's own tests, its seeds)",
    )  # fmt: skip
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="enamel-fidelity-"))
    root = args.root or work / "root"
    summary = import_suite("enamel", args.source, root, validate=False)
    tasks = sorted(summary.imported)
    print(f"imported {len(tasks)} ENAMEL problems into {root}")
    misses = []
    counter = CpuCounter()
    for name in args.samples.split(","):
        published = PUBLISHED[name]
        codes = json.loads((args.source / published["file"]).read_text())
        samples = work / f"{name}.jsonl"
        count = write_samples(codes, tasks, samples)
        config = EvaluateConfig(suite="enamel", preset="enamel", measure_tiers=False,
                                repetition=name,
                                input_seed=None if args.fresh_inputs else "")  # fmt: skip
        cpu_before, started = counter.seconds(), time.perf_counter()
        outcome = evaluate(samples, config, work / f"{name}.db", jobs=args.jobs, root=root)
        wall_s, cpu_s = time.perf_counter() - started, counter.seconds() - cpu_before
        with Store(work / f"{name}.db") as store:
            result = summarize_stored_run(store, outcome.run_id)
        figures = result["summary"]
        print(f"\n{name} canonical ({count} samples): wall {wall_s:.0f} s, CPU {cpu_s:.0f} s "
              f"({counter.source})")  # fmt: skip
        for metric in ("pass@1", "eff@1"):
            ours, theirs = figures[metric], published[metric]
            tolerance = PASS_TOLERANCE if metric == "pass@1" else EFF_TOLERANCE
            verdict = "ok" if abs(ours - theirs) <= tolerance else "MISS"
            if verdict == "MISS":
                misses.append(f"{name} {metric}")
            print(
                f"  {metric}: codeeff {ours:.3f}   ENAMEL published {theirs:.3f}   "
                f"difference {ours - theirs:+.3f} (within {tolerance}: {verdict})"
            )
        for task_id, task in sorted(result["tasks"].items()):
            for sample in task.get("samples", []):
                if not sample["passed"] or sample["verdict"] != "OK":
                    reason = (sample.get("error") or "").strip().splitlines()
                    print(
                        f"  {task_id}: {sample['verdict']} passed={sample['passed']} "
                        f"{reason[-1][:120] if reason else ''}"
                    )
        if args.enamel_harness:
            numbers = [int(t.rsplit("_", 1)[1]) for t in tasks]
            cpu_before = counter.seconds()
            save = work / f"{name}-enamel"
            harness = run_enamel_harness(args.source, args.source / published["file"], numbers,
                                         save)  # fmt: skip
            harness["cpu_s"] = counter.seconds() - cpu_before
            print(f"  ENAMEL's own harness on the same samples: {harness}")
            if "error" not in harness:
                per_task_differences(result["tasks"], save, root)
    counter.close()
    print("\nFAIL: " + ", ".join(misses) if misses else "\nall figures within tolerance")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
