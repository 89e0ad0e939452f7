"""How stable are the runner's GPU figures from one run to the next? An A/A test per task.

The expert is measured as the candidate, with the real runner (sandboxed workers, L2
flushes, interleaved rounds), `--runs` times over, tasks interleaved so drift in the
machine hits them all. Per task and stress level it prints, across runs:

- the CV of the reported level time (median per case, geometric mean over cases) for
  the candidate, the eager reference and the expert;
- the CV of the speedup over eager, the figure users compare;
- the A/A ratio candidate / expert (the same code in two processes): its spread is
  the error of a speedup, it should be 1.00;
- beside it, the median within-run CV of single calls (what `gpu_tasks.py` reports).

On a power-capped compute-bound kernel single calls follow the SM clock (which moves
with the power limiter) while the reported medians need not. GPU only.

    python bench/gpu_repeat.py --task triton/matmul_bias_relu --task triton/rms_norm
        [--runs 5] [--all-levels] [--warmup-ms 20] [--max-rounds 40] [--precision 0.01]
        [--max-level-seconds 30] [--out FILE.json]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import time
from pathlib import Path

from codeeff.gpu.runner import GpuConfig, gpu_available, measure_triton
from codeeff.gpu.scoring import score_triton
from codeeff.problems import load_task

FIGURES = ("candidate_ms", "eager_ms", "expert_ms", "speedup", "aa_ratio", "call_cv", "rounds",
           "seconds")  # fmt: skip


def cv(values: list[float]) -> float:
    """Sample standard deviation over mean (few runs: a robust estimator would be blind)."""
    return statistics.stdev(values) / statistics.mean(values) if len(values) > 1 else 0.0


def run_figures(record: dict, scored: dict, seconds: float) -> dict[str, dict[str, float]]:
    """Per level name: the figures of one run (`seconds`: the whole run's wall time)."""
    rounds = {level["name"]: level["rounds"] for level in record["levels"]}
    return {
        level["name"]: {
            "candidate_ms": level["candidate_ms"],
            "eager_ms": level["eager_ms"],
            "expert_ms": level["expert_ms"],
            "speedup": level["eager_ms"] / level["candidate_ms"],
            "aa_ratio": level["candidate_ms"] / level["expert_ms"],
            "call_cv": level["candidate_cv"],
            "rounds": rounds[level["name"]],
            "seconds": seconds,
        }
        for level in scored["levels"]
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--task", action="append", required=True, help="task id, repeatable")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--all-levels", action="store_true", help="default: the top level only")
    parser.add_argument("--warmup-ms", type=float, default=GpuConfig.warmup_ms)
    parser.add_argument("--max-rounds", type=int, default=GpuConfig.max_rounds)
    parser.add_argument(
        "--precision",
        type=float,
        default=GpuConfig.relative_precision,
        help="stop rule: 95%% CI half-width of each level time (fraction)",
    )
    parser.add_argument("--max-level-seconds", type=float, default=GpuConfig.max_level_seconds)
    parser.add_argument("--out", help="write every run's figures here (JSON)")
    args = parser.parse_args()
    if not gpu_available():
        raise SystemExit("no GPU: this bench repeats GPU timings and measures nothing on CPU")
    config = GpuConfig(warmup_ms=args.warmup_ms, max_rounds=args.max_rounds,
                       relative_precision=args.precision,
                       max_level_seconds=args.max_level_seconds)  # fmt: skip
    problems = []
    for task_id in args.task:
        problem = load_task(task_id)
        if not args.all_levels:  # the gate level stays: correctness runs on it
            problem = dataclasses.replace(problem, levels=[problem.levels[0], problem.levels[-1]])
        problems.append(problem)
    runs: dict[str, list[dict]] = {p.task_id: [] for p in problems}
    device = None
    for run in range(args.runs):
        for problem in problems:
            started = time.perf_counter()
            record = measure_triton(problem, problem.expert.source, config)
            seconds = time.perf_counter() - started
            if not record["passed"]:
                raise SystemExit(f"{problem.task_id} run {run}: {record['verdict']} "
                                 f"{record['error'][:500]}")  # fmt: skip
            device = record["device"]
            scored = score_triton("expert", record)
            runs[problem.task_id].append(run_figures(record, scored, seconds))
            print(f"run {run + 1}/{args.runs} {problem.task_id} done", flush=True)
    print(json.dumps(device))
    print(f"{args.runs} runs, warm-up {config.warmup_ms:g} ms, at most {config.max_rounds} rounds "
          f"and {config.max_level_seconds:g} s per level, stop at a 95% CI of "
          f"{config.relative_precision:.2%}")  # fmt: skip
    print(
        "| task | level | expert ms (mean) | CV candidate | CV eager | CV expert | "
        "speedup vs eager (mean) | CV speedup | A/A ratio min..max | call CV (median) | rounds | "
        "s per run |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for task_id, task_runs in runs.items():
        for level_name in task_runs[0]:
            series = {f: [r[level_name][f] for r in task_runs] for f in FIGURES}
            aa = series["aa_ratio"]
            print(f"| {task_id} | {level_name} | {statistics.mean(series['expert_ms']):.4f} | "
                  f"{cv(series['candidate_ms']):.2%} | {cv(series['eager_ms']):.2%} | "
                  f"{cv(series['expert_ms']):.2%} | {statistics.mean(series['speedup']):.3f}x | "
                  f"{cv(series['speedup']):.2%} | {min(aa):.3f}..{max(aa):.3f} | "
                  f"{statistics.median(series['call_cv']):.2%} | "
                  f"{min(series['rounds'])}..{max(series['rounds'])} | "
                  f"{statistics.mean(series['seconds']):.1f} |")  # fmt: skip
    if args.out:
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps({"device": device, "config": dataclasses.asdict(config),
                                   "runs": runs}, indent=1))  # fmt: skip


if __name__ == "__main__":
    main()
