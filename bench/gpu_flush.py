"""Does the way the L2 is emptied before a timed call change what the call measures?

The runner (gpu/worker.py) and bench/gpu_variants.py empty the L2 before each timed call
by writing zeros over a 256 MB buffer. The last ~50 MB of those zeros are still in the L2,
dirty, when the timer starts, so the GPU may write them back to HBM during the timed
call: about 10 us of bandwidth at 4.8 TB/s, charged to the call. A 0.1 ms memory-bound
kernel would then read ~10% under its true bandwidth, and every speedup between two
short kernels (both pay it) would be compressed towards 1. A read-only pass over the
buffer empties the L2 just as well and leaves only clean lines, which cost nothing to
evict. This bench measures both, on one GPU in one run, interleaved:

- flush methods: `none` (nothing emptied: shows what a cached buffer reads at), `write`
  (zeros, today's), `read` (a sum over the buffer), `write+read` (zeros, then a sum
  over a second buffer);
- workloads: reading 32 MB (fits in the L2: `none` must read faster than every real
  flush, or the flush does not empty it), reading 1 GB, copying 64 MB and 512 MB, and the
  expert of each `--task` on case 0 of its top stress level;
- per workload and method: median ms of the CUDA-event times, share of peak bandwidth
  (`roofline`), and the ratio of `write`'s time to this method's (> 1: `write` charged
  more).

    python bench/gpu_flush.py [--task triton/rms_norm ...] [--rounds 10] [--calls 10]
        [--out FILE.json]

GPU only: without one it measures nothing and says so.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/ beside codeeff/

from bench.gpu_variants import FLUSH_BYTES, time_ms  # noqa: E402
from codeeff.gpu.roofline import compute_dtype, fraction_of_peak  # noqa: E402
from codeeff.problems import load_module, load_task  # noqa: E402

MB = 1 << 20


def flush_methods() -> dict[str, Callable[[], object]]:
    import torch

    buffers = [torch.empty(FLUSH_BYTES, dtype=torch.uint8, device="cuda") for _ in range(2)]
    words = [b.view(torch.int64) for b in buffers]
    for w in words:
        w.zero_()
    sink = torch.empty((), dtype=torch.int64, device="cuda")
    return {
        "none": lambda: None,
        "write": buffers[0].zero_,
        "read": lambda: torch.sum(words[0], dim=0, out=sink),
        "write+read": lambda: (buffers[0].zero_(), torch.sum(words[1], dim=0, out=sink)),
    }


def synthetic_workloads() -> dict[str, tuple[Callable, tuple, int, str]]:
    """name -> (function, inputs, bytes moved, dtype)."""
    import torch

    def buffer(size: int):
        return torch.ones(size // 4, dtype=torch.float32, device="cuda")

    small, big = buffer(32 * MB), buffer(1024 * MB)
    copies = {size: (buffer(size * MB), buffer(size * MB)) for size in (64, 512)}
    workloads = {
        "read 32 MB": (torch.sum, (small,), 32 * MB, "float32"),
        "read 1 GB": (torch.sum, (big,), 1024 * MB, "float32"),
    }
    for size, (dst, src) in copies.items():
        workloads[f"copy {size} MB"] = (torch.Tensor.copy_, (dst, src), 2 * size * MB, "float32")
    return workloads


def task_workload(task_id: str) -> tuple[Callable, tuple, int, str]:
    """The task's expert on case 0 of its top stress level, inputs made on the GPU."""
    problem = load_task(task_id)
    generator = load_module(problem.folder / "generator.py", f"codeeff_flushgen_{problem.task_id}")
    reference = load_module(problem.folder / "reference.py", f"codeeff_flushref_{problem.task_id}")
    expert = load_module(problem.expert.path, f"codeeff_flushexp_{problem.task_id}")
    level = problem.levels[-1]
    inputs = generator.generate(level, 0, random.Random(level.index), "cuda")
    return (getattr(expert, problem.entry_point), inputs, reference.bytes_moved(*inputs),
            compute_dtype(level.params))  # fmt: skip


def measure(workloads: dict, methods: dict, rounds: int, calls: int) -> list[dict]:
    import torch

    name = torch.cuda.get_device_name()
    records = []
    for label, (fn, inputs, moved, dtype) in workloads.items():
        for flush in methods.values():
            time_ms(fn, inputs, flush, 3)  # warm-up: compiles, clocks up
        samples: dict[str, list[float]] = {method: [] for method in methods}
        for _ in range(rounds):  # interleaved: drift in the clocks hits every method alike
            for method, flush in methods.items():
                samples[method] += time_ms(fn, inputs, flush, calls)
        base = statistics.median(samples["write"])
        for method, times in samples.items():
            ms = statistics.median(times)
            share = fraction_of_peak(name, dtype, moved, None, ms / 1e3)["bandwidth"]
            records.append({"workload": label, "flush": method, "ms": round(ms, 5),
                            "bandwidth": share and round(share, 3),
                            "write_over_this": round(base / ms, 3), "calls": len(times),
                            "device": name})  # fmt: skip
            print(f"{label:<34} {method:<11} {ms:9.4f} ms  "
                  f"{'-' if share is None else f'{share:.1%}':>6} of peak BW  "
                  f"write/this {base / ms:.3f}", flush=True)  # fmt: skip
    return records


def main() -> None:
    import torch

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--task", action="append", default=[], help="also time this task's expert")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--calls", type=int, default=10, help="calls per method per round")
    parser.add_argument("--out", type=Path, help="write the records as JSON")
    args = parser.parse_args()
    if not torch.cuda.is_available():
        raise SystemExit("no GPU: not measured (this bench times L2 flushes on a GPU)")
    workloads = synthetic_workloads()
    workloads.update({task_id: task_workload(task_id) for task_id in args.task})
    records = measure(workloads, flush_methods(), args.rounds, args.calls)
    if args.out:
        args.out.write_text(json.dumps(records, indent=1))


if __name__ == "__main__":
    main()
