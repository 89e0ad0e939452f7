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

Each task's difference from ENAMEL's harness is then split in two, measured: the same
samples are scored again by codeeff's own rules with every call made in this process
(bench/in_process.py, twice: its spread is the timing's own noise), so that
- sandbox = codeeff - in-process: what a fresh sandboxed process per run adds (its
  page faults on fresh memory, the answer handed out of it), and
- rules = in-process - harness: codeeff's clock and rules against ENAMEL's (CPU time
  against wall time, a null run's cost, ENAMEL's collector switched off) and noise.
`--table FILE` writes every task's figures and the reason it differs (markdown).

    python bench/enamel_fidelity.py [--from ../shared/data/enamel] [--jobs 2]
                                    [--samples humaneval,humanevalplus] [--enamel-harness]
                                    [--fresh-inputs] [--table FILE]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from in_process import InProcessBackend  # bench/in_process.py: codeeff's rules, no sandbox
from pipeline import CpuCounter  # bench/pipeline.py: CPU of everything this bench starts

from codeeff.evaluate import EvaluateConfig, evaluate
from codeeff.importers import enamel
from codeeff.importers.suite import import_suite
from codeeff.kinds import function as function_kind
from codeeff.problems import load_task
from codeeff.report import summarize_stored_run
from codeeff.sandbox.local import default_cpu
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


def in_process_scores(samples: Path, config: EvaluateConfig, root: Path, salt: str) -> dict:
    """Each task's first sample scored by codeeff's rules with every call made in this
    process (bench/in_process.py), pinned to the core a single sandbox would use."""
    first: dict[str, str] = {}
    for line in samples.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        first.setdefault(record["task_id"], record["solution"])
    backend, affinity, cpu = InProcessBackend(), os.sched_getaffinity(0), default_cpu()
    if cpu is not None:
        os.sched_setaffinity(0, {cpu})
    scores = {}
    try:
        for task_id, source in first.items():
            problem = replace(load_task(task_id, root), input_salt=salt)
            problem_config = config.for_problem(problem)
            record = function_kind.measure(problem, source, problem_config, backend, cpu, root)
            scores[task_id] = function_kind.score_measurement("in-process", record).to_dict()
    finally:
        os.sched_setaffinity(0, affinity)
        function_kind.drop_kept_reference()
    return scores


AGREE = 0.05  # a task's score moves about this much between two runs of ENAMEL's harness


def _top_ms(sample: dict, key: str) -> float:
    """The sample's (t_s) or the expert's (t_ref_s) time on the top level, in ms."""
    levels = sample.get("levels") or []
    value = levels[-1].get(key) if levels else None
    return value * 1e3 if value else float("nan")


def _reason(row: dict) -> str:
    """Why codeeff's score of one task differs from ENAMEL's harness's, from the figures
    measured for it: the larger of the two parts, named by what was measured."""
    if abs(row["codeeff"] - row["harness"]) <= AGREE:
        return f"agrees (within {AGREE})"
    if row["verdict"] != row["in_process_verdict"]:
        return f"verdict: {row['verdict']} sandboxed, {row['in_process_verdict']} in-process"
    if abs(row["sandbox"]) >= abs(row["rules"]):
        if row["floor_share"] >= FLOOR_SHARE:
            return f"sandbox: the answer handed out ({row['floor_share']:.0%} of the expert's run)"
        expert = row["expert_sbx_ms"] / row["expert_in_ms"]
        sample = row["sample_sbx_ms"] / row["sample_in_ms"]
        shown = "timed out" if math.isnan(sample) else f"x{sample:.2f}"
        return f"sandbox: a fresh process per run (expert x{expert:.2f}, sample {shown})"
    if row["expert_in_ms"] < MICRO_S * 1e3:
        return f"clock: a microsecond expert ({row['expert_in_ms'] * 1e3:.0f} us)"
    if abs(row["rules"]) <= row["noise"] + AGREE:
        return f"noise (two in-process runs differ by {row['noise']:.2f})"
    return (
        "timing: pairs interleaved on the CPU clock, against ENAMEL's expert timed apart "
        "on the wall clock"
    )


def per_task_differences(
    tasks: dict, in_process: list[dict], save: Path, root: Path, table: Path | None
) -> None:
    """Every task's codeeff score beside ENAMEL's harness's (its first sample, level
    weights 0/3/3/4) and beside codeeff's rules run in-process (twice), the difference
    split into its sandbox and rules parts, each task with its reason; the largest
    differences printed, all of them written to `table`."""
    effs = json.loads(Path(f"{save}~effs.json").read_text())
    rows = []
    for task_id, task in tasks.items():
        number = str(int(task_id.rsplit("_", 1)[1]))
        if number not in effs or not task.get("samples"):
            continue
        theirs = sum(w * e for w, e in zip((0, 3, 3, 4), effs[number][0], strict=True)) / 10
        sample = task["samples"][0]
        runs = [scores[task_id] for scores in in_process]
        mean_in = sum(run["score"] for run in runs) / len(runs)
        rows.append({
            "task": task_id, "verdict": sample["verdict"], "codeeff": sample["score"],
            "in_process_verdict": runs[0]["verdict"],
            "in_process": [run["score"] for run in runs], "harness": theirs,
            "sandbox": sample["score"] - mean_in, "rules": mean_in - theirs,
            "noise": max(r["score"] for r in runs) - min(r["score"] for r in runs),
            "expert_sbx_ms": _top_ms(sample, "t_ref_s"),
            "expert_in_ms": _top_ms(runs[0], "t_ref_s"),
            "sample_sbx_ms": _top_ms(sample, "t_s"),
            "sample_in_ms": _top_ms(runs[0], "t_s"),
        })  # fmt: skip
    floors = answer_floors(root, [row["task"] for row in rows])
    for row in rows:
        floor_s, expert_s = floors[row["task"]]
        row["floor_share"] = floor_s / expert_s if expert_s > 0 else 0.0
        row["reason"] = _reason(row)
    rows.sort(key=lambda row: -abs(row["codeeff"] - row["harness"]))
    count = max(len(rows), 1)
    means = {key: sum(row[key] for row in rows) / count for key in ("codeeff", "harness")}
    means["in_process"] = sum(sum(r["in_process"]) / len(r["in_process"]) for r in rows) / count
    print(
        f"  eff@1 over {len(rows)} tasks: codeeff {means['codeeff']:.4f}, codeeff's rules "
        f"in-process {means['in_process']:.4f}, ENAMEL's harness {means['harness']:.4f}; "
        f"sandbox part {means['codeeff'] - means['in_process']:+.4f}, rules part "
        f"{means['in_process'] - means['harness']:+.4f}"
    )
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(row["reason"].split(":")[0].split(" (")[0], []).append(row)
    for group, members in sorted(groups.items(), key=lambda item: -len(item[1])):
        total = sum(row["codeeff"] - row["harness"] for row in members)
        print(f"  {group}: {len(members)} tasks, eff@1 {total / count:+.4f}")
    for row in rows[:15]:
        print(f"    {row['task']}: {row['codeeff']:.3f} vs {row['harness']:.3f}; {row['reason']}")
    if table is not None:
        write_table(rows, table)


def write_table(rows: list[dict], path: Path) -> None:
    """The per-task figures as a markdown table (appended: one per sample set)."""
    lines = [
        "| task | codeeff | in-process (2 runs) | ENAMEL harness | sandbox part | rules part "
        "| expert ms sandboxed / in-process | sample ms sandboxed / in-process "
        "| answer floor / expert | reason |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]

    def ms(value: float) -> str:
        return "-" if math.isnan(value) else f"{value:.3f}"  # nan: the level timed out

    for row in rows:
        runs = " / ".join(f"{score:.3f}" for score in row["in_process"])
        lines.append(
            f"| {row['task']} | {row['codeeff']:.3f} | {runs} | {row['harness']:.3f} "
            f"| {row['sandbox']:+.3f} | {row['rules']:+.3f} "
            f"| {ms(row['expert_sbx_ms'])} / {ms(row['expert_in_ms'])} "
            f"| {ms(row['sample_sbx_ms'])} / {ms(row['sample_in_ms'])} "
            f"| {row['floor_share']:.0%} | {row['reason']} |"
        )
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n\n")


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
    parser.add_argument("--table", type=Path, help="append every task's figures here (markdown)")
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
        salt = result["run"]["config"]["input_seed"]
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
                started = time.perf_counter()
                in_process = [in_process_scores(samples, config, root, salt) for _ in range(2)]
                print(f"  codeeff's rules in-process, twice: {time.perf_counter() - started:.0f} s")
                if args.table is not None:
                    with open(args.table, "a", encoding="utf-8") as handle:
                        handle.write(f"### {name} canonical\n\n")
                per_task_differences(result["tasks"], in_process, save, root, args.table)
    counter.close()
    print("\nFAIL: " + ", ".join(misses) if misses else "\nall figures within tolerance")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
