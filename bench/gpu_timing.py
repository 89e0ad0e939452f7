"""Which way of timing one GPU call gives stable numbers? Schemes compared in one run.

For a few Triton experts (and a plain device copy as the bandwidth ceiling), each at
its top level, every scheme times bursts of calls on fresh inputs with the L2 flushed
before each call, with a pause between bursts as the runner's pipe round trips make:

- `synced`: synchronize, flush, synchronize, start event, call, device synchronize,
  end event (what the runner did first: the host's launch cost and the wake-up after
  the synchronize are inside the window);
- `overlapped`: flush, start event, call, end event on the stream (no host wait: the
  flush keeps the GPU busy while the host launches the call), then a device
  synchronize and a third event, so `overlapped+tail` is the device-wide end;
- each with no warm-up, or a time-based warm-up before every burst.

Prints, per task and scheme: median ms, robust CV of single calls (1.4826 MAD /
median), the spread of burst medians, and % of 4.8 TB/s. GPU only.

    python bench/gpu_timing.py [--task triton/rms_norm ...] [--bursts 12] [--burst 16]
        [--scheme overlapped] [--warm-ms 20 --warm-ms 200]

For compute-bound tasks (`--task triton/matmul_bias_relu`), the spread of burst medians
against the call CV shows whether the noise comes from calls or from whole bursts.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

import torch

from codeeff.problems import load_module, load_task

PEAK_BYTES_PER_S = 4.8e12
DEFAULT_TASKS = ["triton/rms_norm", "triton/row_softmax", "triton/fused_swiglu_bias",
                 "triton/layer_norm", "triton/row_cumsum", "triton/rotary_embedding"]  # fmt: skip


def robust_cv(values: list[float]) -> float:
    median = statistics.median(values)
    return 1.4826 * statistics.median(abs(v - median) for v in values) / median


def burst(function, inputs, flush, scheme: str, warm_ms: float) -> dict[str, list[float]]:
    """One burst: optional time-based warm-up, then one timed call per input."""
    if warm_ms:
        torch.cuda.synchronize()
        until = time.perf_counter() + warm_ms / 1000
        while time.perf_counter() < until:
            flush.zero_()
            function(*inputs[0])
            torch.cuda.synchronize()
    times = {"window": [], "tail": []}
    for args in inputs:
        start, end, tail = (torch.cuda.Event(enable_timing=True) for _ in range(3))
        if scheme == "synced":
            torch.cuda.synchronize()
            flush.zero_()
            torch.cuda.synchronize()
            start.record()
            function(*args)
            torch.cuda.synchronize()
            end.record()
            end.synchronize()
            times["window"].append(start.elapsed_time(end))
        else:
            flush.zero_()
            start.record()
            function(*args)
            end.record()
            torch.cuda.synchronize()
            tail.record()
            tail.synchronize()
            times["window"].append(start.elapsed_time(end))
            times["tail"].append(start.elapsed_time(tail))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--task", action="append", help="task id (default: six memory-bound tasks and a copy)"
    )
    parser.add_argument("--bursts", type=int, default=12, help="bursts per scheme")
    parser.add_argument("--burst", type=int, default=16, help="timed calls per burst")
    parser.add_argument("--pause-ms", type=float, default=5.0, help="idle time between bursts")
    parser.add_argument(
        "--scheme", action="append", choices=["synced", "overlapped"], help="default: both"
    )
    parser.add_argument(
        "--warm-ms",
        action="append",
        type=float,
        help="time-based warm-up before each burst (default: 0 and 20)",
    )
    args = parser.parse_args()
    if not torch.cuda.is_available():
        raise SystemExit("no GPU: this bench times CUDA calls and measures nothing on CPU")
    flush = torch.empty(256 << 20, dtype=torch.uint8, device="cuda")
    import triton

    print(torch.cuda.get_device_name(), "torch", torch.__version__, "triton", triton.__version__)
    rows = []
    for task_id in args.task or DEFAULT_TASKS + ["copy"]:
        if task_id == "copy":
            size = 1 << 28  # 1 GiB of float32: read + write 2 GiB
            level_name = f"{size * 4 >> 20} MiB"
            inputs = [(torch.randn(size, device="cuda"),) for _ in range(args.burst)]
            function = torch.Tensor.clone
            bytes_moved = 2 * size * 4
        else:
            problem = load_task(task_id)
            level = problem.levels[-1]
            level_name = level.name
            generator = load_module(problem.folder / "generator.py", f"bench_gen_{task_id}")
            function = getattr(load_module(problem.expert.path, f"bench_expert_{task_id}"),
                               problem.entry_point)  # fmt: skip
            reference = load_module(problem.folder / "reference.py", f"bench_ref_{task_id}")
            inputs = [tuple(generator.generate(level, j % level.cases, random.Random(j), "cuda"))
                      for j in range(args.burst)]  # fmt: skip
            bytes_moved = reference.bytes_moved(*inputs[0])
        function(*inputs[0])
        torch.cuda.synchronize()
        for scheme in args.scheme or ["synced", "overlapped"]:
            for warm_ms in args.warm_ms or [0.0, 20.0]:
                calls, tails, medians = [], [], []
                for _ in range(args.bursts):
                    time.sleep(args.pause_ms / 1000)
                    times = burst(function, inputs, flush, scheme, warm_ms)
                    calls += times["window"]
                    tails += times["tail"]
                    medians.append(statistics.median(times["window"]))
                median = statistics.median(calls)
                spread = (max(medians) - min(medians)) / median
                peak = bytes_moved / (median / 1e3) / PEAK_BYTES_PER_S
                name = f"{scheme}/warm{warm_ms:g}ms"
                rows.append((task_id, level_name, name, median, robust_cv(calls), spread, peak))
                if tails:
                    median = statistics.median(tails)
                    peak = bytes_moved / (median / 1e3) / PEAK_BYTES_PER_S
                    name = f"{scheme}+tail/warm{warm_ms:g}ms"
                    rows.append((task_id, level_name, name, median, robust_cv(tails), 0.0, peak))
        del inputs
        torch.cuda.empty_cache()
    print(f"{'task':28s} {'level':10s} {'scheme':26s} {'median ms':>10s} {'call CV':>8s} "
          f"{'burst spread':>12s} {'% 4.8TB/s':>9s}")  # fmt: skip
    for task_id, level_name, scheme, median, cv, spread, peak in rows:
        print(f"{task_id:28s} {level_name:10s} {scheme:26s} {median:10.4f} {cv:8.2%} "
              f"{spread:12.2%} {peak:9.1%}")  # fmt: skip


if __name__ == "__main__":
    main()
