"""Time several versions of one Triton task's solution side by side (for tuning experts).

Not the runner: no sandbox, no audits, one process. For each stress level of the task
(case 0 of each, inputs made on the GPU by the task's own generator) every variant is
checked against the task's reference with the task's tolerances, then timed with CUDA
events (L2 flushed before each call, median of `calls`), interleaved round-robin with
PyTorch eager so that clock drift hits all alike. Prints one line per (level, variant)
and returns the records: ms, speedup over eager, % of peak bandwidth and FLOP rate.

A tuning script builds its variants (functions with the task's signature) and calls
`compare_variants("triton/<task>", {"name": fn, ...})`. Without a GPU it only checks
correctness on level 0, in the interpreter, and says that nothing was timed.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
from collections.abc import Callable
from pathlib import Path

from codeeff.gpu.compare import compare_outputs
from codeeff.gpu.output_wire import encode_output
from codeeff.gpu.roofline import compute_dtype, fraction_of_peak
from codeeff.problems import load_module, load_task

FLUSH_BYTES = 256 << 20


def time_ms(fn: Callable, inputs: tuple, flush: Callable, calls: int) -> list[float]:
    """CUDA-event times of `calls` calls, `flush()` (emptying the L2) queued before each."""
    import torch

    times = []
    for _ in range(calls):
        flush()
        start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        start.record()
        fn(*inputs)
        end.record()
        end.synchronize()
        times.append(start.elapsed_time(end))
    return times


def _check(fn: Callable, inputs: tuple, expected, tolerances) -> str:
    """'' when the variant's output matches the reference's, else why not."""
    try:
        actual = fn(*inputs)
    except Exception as error:  # a variant that does not compile is one result among many
        return f"{type(error).__name__}: {str(error)[:300]}"
    ok, why = compare_outputs(*encode_output(actual), *encode_output(expected), tolerances)
    return "" if ok else why[:300]


def compare_variants(
    task_id: str,
    variants: dict[str, Callable],
    levels: list[str] | None = None,
    calls: int = 20,
    rounds: int = 5,
    out: Path | None = None,
) -> list[dict]:
    """Check and time each variant on each level (or the named ones); records as JSON lines."""
    import torch

    problem = load_task(task_id)
    generator = load_module(problem.folder / "generator.py", f"codeeff_vargen_{problem.task_id}")
    reference = load_module(problem.folder / "reference.py", f"codeeff_varref_{problem.task_id}")
    gpu = torch.cuda.is_available()
    device = "cuda" if gpu else "cpu"
    chosen = [lv for lv in problem.levels if lv.name in levels] if levels else problem.levels[1:]
    if not gpu:
        chosen = problem.levels[:1]
    flush = torch.empty(FLUSH_BYTES, dtype=torch.uint8, device=device) if gpu else None
    name = torch.cuda.get_device_name() if gpu else None
    records = []
    for level in chosen:
        inputs = generator.generate(level, 0, random.Random(level.index), device)
        expected = reference.reference(*inputs)
        sides = {"eager": reference.reference}
        for label, fn in variants.items():
            error = _check(fn, inputs, expected, problem.tolerances)
            if error:
                records.append(
                    {"task": task_id, "level": level.name, "variant": label, "error": error}
                )
                print(json.dumps(records[-1]), flush=True)
            else:
                sides[label] = fn
        if not gpu:
            for label in sorted(sides.keys() - {"eager"}):
                records.append({"task": task_id, "level": level.name, "variant": label,
                                "ok": True, "ms": "not measured: no GPU"})  # fmt: skip
                print(json.dumps(records[-1]), flush=True)
            continue
        samples: dict[str, list[float]] = {label: [] for label in sides}
        for fn in sides.values():
            time_ms(fn, inputs, flush.zero_, 3)  # warm-up (compiles, autotunes)
        for _ in range(rounds):
            for label, fn in sides.items():
                samples[label] += time_ms(fn, inputs, flush.zero_, max(1, calls // rounds))
        eager_ms = statistics.median(samples["eager"])
        moved = reference.bytes_moved(*inputs)
        flops = reference.flops(*inputs) if hasattr(reference, "flops") else None
        dtype = compute_dtype(level.params)
        for label, times in samples.items():
            ms = statistics.median(times)
            peak = fraction_of_peak(name, dtype, moved, flops, ms / 1e3)
            records.append({"task": task_id, "level": level.name, "variant": label,
                            "ms": round(ms, 4), "speedup_eager": round(eager_ms / ms, 3),
                            "bandwidth": peak["bandwidth"] and round(peak["bandwidth"], 3),
                            "flops": peak["flops"] and round(peak["flops"], 3)})  # fmt: skip
            print(json.dumps(records[-1]), flush=True)
        del inputs, expected
        torch.cuda.empty_cache()
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("a") as handle:
            for record in records:
                handle.write(json.dumps(record) + "\n")
    return records


def sweep_main(task_id: str, variants: dict[str, Callable], description: str) -> list[dict]:
    """A sweep script's command line (`--out FILE`: append the records, JSONL): its
    variants compared with the task's committed expert, timed beside them as "expert"."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", type=Path, help="append the records here (JSONL)")
    args = parser.parse_args()
    expert = load_module(load_task(task_id).expert.path, f"codeeff_sweep_expert_{task_id}")
    return compare_variants(task_id, {"expert": expert.solution, **variants}, out=args.out)
