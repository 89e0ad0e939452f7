"""Does where the inputs live in GPU memory change a kernel's time? One process, one input.

The same input (one seed, so the same bits) is copied to several places in device
memory, each copy behind a pad of random size, so the copies sit at different virtual
and physical addresses. Rounds time a burst on every copy, in a new random order each
round (flush, start event, call, end event, as the runner does). The first copy is
listed twice, at the same address: its two series differ by noise alone. Per copy it
prints the median of its burst medians relative to the first copy's, and a 95% CI
from the rounds. Copies apart by more than the control pair means the address matters,
and a per-process offset in the runner's A/A test (gpu_tasks_h200.md, session 4) would
follow from the caching allocator giving every round the same blocks. GPU only.

    python bench/gpu_placement.py [--task triton/matmul_bias_relu] [--copies 5]
        [--rounds 30] [--burst 8] [--warm-ms 20] [--out FILE.json]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import statistics
import time
from pathlib import Path

import torch

from codeeff.problems import load_module, load_task

FLUSH_BYTES = 256 << 20


def burst_median(function, inputs: tuple, flush: torch.Tensor, burst: int, warm_ms: float) -> float:
    """Median ms of `burst` timed calls on `inputs`, after a time-based warm-up."""
    torch.cuda.synchronize()
    until = time.perf_counter() + warm_ms / 1000
    while time.perf_counter() < until:
        flush.zero_()
        function(*inputs)
        torch.cuda.synchronize()
    times = []
    for _ in range(burst):
        start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        flush.zero_()
        start.record()
        function(*inputs)
        end.record()
        torch.cuda.synchronize()
        times.append(start.elapsed_time(end))
    return statistics.median(times)


def relative_ci(values: list[float], base: list[float]) -> tuple[float, float]:
    """Median of per-round log ratios to the base series, and a 95% half-width
    (normal approximation of the mean of the log ratios)."""
    logs = [math.log(v / b) for v, b in zip(values, base, strict=True)]
    half = 1.96 * statistics.stdev(logs) / math.sqrt(len(logs))
    return math.exp(statistics.median(logs)) - 1, half


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--task", action="append", help="default: triton/matmul_bias_relu")
    parser.add_argument("--copies", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--burst", type=int, default=8)
    parser.add_argument("--warm-ms", type=float, default=20.0)
    parser.add_argument("--out", help="write the burst medians here (JSON)")
    args = parser.parse_args()
    if not torch.cuda.is_available():
        raise SystemExit("no GPU: this bench times CUDA calls and measures nothing on CPU")
    import triton

    print(torch.cuda.get_device_name(), "torch", torch.__version__, "triton", triton.__version__)
    flush = torch.empty(FLUSH_BYTES, dtype=torch.uint8, device="cuda")
    order = random.Random(0)
    results = {}
    for task_id in args.task or ["triton/matmul_bias_relu"]:
        problem = load_task(task_id)
        level = problem.levels[-1]
        generator = load_module(problem.folder / "generator.py", f"bench_gen_{task_id}")
        function = getattr(load_module(problem.expert.path, f"bench_expert_{task_id}"),
                           problem.entry_point)  # fmt: skip
        original = tuple(generator.generate(level, 0, random.Random(1), "cuda"))
        pads, copies = [], []
        for _ in range(args.copies):
            pads.append(torch.empty(order.randrange(1, 64 << 20), dtype=torch.uint8, device="cuda"))
            copies.append(tuple(x.clone() for x in original))
        names = ["copy 0", "copy 0 again"] + [f"copy {i}" for i in range(1, args.copies)]
        targets = [copies[0], copies[0]] + copies[1:]
        function(*original)
        medians: dict[str, list[float]] = {name: [] for name in names}
        for _ in range(args.rounds):
            for index in order.sample(range(len(names)), len(names)):
                medians[names[index]].append(
                    burst_median(function, targets[index], flush, args.burst, args.warm_ms)
                )
        base = medians["copy 0"]
        print(f"{task_id} {level.name}: {args.rounds} rounds of {args.burst} calls, "
              f"copy 0 median {statistics.median(base):.4f} ms")  # fmt: skip
        print("| copy | address (MB) | vs copy 0 | 95% CI |")
        print("|---|---|---|---|")
        for name, target in zip(names, targets, strict=True):
            if name == "copy 0":
                continue
            shift, half = relative_ci(medians[name], base)
            address = target[0].data_ptr() / 2**20
            print(f"| {name} | {address:.0f} | {shift:+.2%} | ±{half:.2%} |")
        results[task_id] = medians
    if args.out:
        Path(args.out).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
