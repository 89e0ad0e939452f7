"""Every Triton task's expert measured as a candidate: correctness, times, speedup, % of peak.

On a GPU: expert and PyTorch eager timed interleaved (CUDA events, L2 flushed, fresh
inputs), per stress level: median ms, robust CV, speedup over eager, and the achieved
fraction of the device's peak bandwidth / FLOPs. Without a GPU it says so and only
checks correctness in the interpreter. Writes a JSON record with device, driver and
versions next to the table.

    python bench/gpu_tasks.py [--out bench/results/gpu_tasks.json] [--task triton/row_softmax]
                              [--quick] [--no-kernel-audit]

"candidate/expert" is the expert's own time as the sandboxed candidate over its time
in the trusted worker, in the same rounds: what the candidate's side costs (the kernel
list of its timed bursts included; --no-kernel-audit for the comparison).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from codeeff.gpu.runner import GpuConfig, measure_triton
from codeeff.gpu.scoring import score_triton
from codeeff.problems import load_suite, load_task


def _percent(fraction: float | None) -> str:
    return f"{fraction:.0%}" if fraction else "n/a"


def _percent_2(fraction: float | None) -> str:
    return "n/a" if fraction is None else f"{fraction:.2%}"


def top_params(problem) -> str:
    params = problem.levels[-1].params
    return "x".join(str(v) for k, v in params.items() if k != "dtype") + f" {params.get('dtype')}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="bench/results/gpu_tasks.json")
    parser.add_argument("--task", action="append", help="only these task ids")
    parser.add_argument("--unsandboxed", action="store_true", help="skip bwrap for the candidate")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="at most 10 rounds / 2 s per level (validation-grade times)",
    )
    parser.add_argument(
        "--no-kernel-audit",
        action="store_true",
        help="do not list the kernels of the candidate's timed bursts",
    )
    args = parser.parse_args()
    config = GpuConfig(kernel_audit=not args.no_kernel_audit)
    if args.quick:
        config = GpuConfig(kernel_audit=config.kernel_audit, max_rounds=10, max_level_seconds=2)
    problems = [load_task(t) for t in args.task] if args.task else load_suite("triton")
    records, lines = {}, []
    out = Path(args.out)  # rewritten after every task: a run cut short keeps what it measured
    out.parent.mkdir(parents=True, exist_ok=True)
    for problem in problems:
        started = time.monotonic()
        record = measure_triton(problem, problem.expert.source, config,
                                sandboxed=not args.unsandboxed)  # fmt: skip
        record["wall_s"] = time.monotonic() - started
        records[problem.task_id] = record
        out.write_text(json.dumps({"device": record.get("device"), "records": records}, indent=1))
        scored = score_triton("expert", record)
        if not record["passed"] or not scored["levels"]:
            lines.append(f"| {problem.task_id} | {record['verdict']} {record['timing']} "
                         f"{record['error'][:300]} |")  # fmt: skip
            continue
        top = scored["levels"][-1]
        measured = record["levels"][-1]
        expert_precision = measured["precision"]["expert"]
        bandwidth = top["expert_peak"]["bandwidth"]
        flops = top["expert_peak"]["flops"]
        state = measured.get("power") or {}
        clock = "n/a"
        if state.get("measured"):
            capped = " capped" if state["power_capped"] else ""
            clock = f"{state['sm_clock_mhz']['median']:.0f}{capped}"
        lines.append(
            f"| {problem.task_id} | {top['name']} {top_params(problem)} | {record['verdict']} | "
            f"{top['expert_ms']:.4f} | {top['expert_cv']:.2%} | {top['eager_ms']:.4f} | "
            f"{top['eager_cv']:.2%} | {top['eager_ms'] / top['expert_ms']:.2f}x | "
            f"{scored['speedup_eager']:.2f}x | {_percent(bandwidth)} | {_percent(flops)} | "
            f"{top['tail_charge_ms'] * 1000:.1f} | {measured['rounds']} | "
            f"{_percent_2(expert_precision)} | {top['candidate_ms'] / top['expert_ms']:.3f} | "
            f"{clock} |"
        )
    device = next(iter(records.values()))["device"] if records else {}
    print(json.dumps(device))
    print(
        "| task | top level | verdict | expert ms | expert CV | eager ms | eager CV | "
        "speedup vs eager | all levels | % peak BW | % peak FLOPs | tail charge us | rounds | "
        "expert 95% CI +- | candidate/expert | SM MHz |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    print("\n".join(lines))
    median_wall = statistics.median(r["wall_s"] for r in records.values()) if records else 0
    print(f"median wall per task: {median_wall:.1f} s")


if __name__ == "__main__":
    main()
