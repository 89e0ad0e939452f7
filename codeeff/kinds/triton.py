"""The `triton` kind: a function that launches Triton kernels, checked and timed on a GPU.

Measured by the GPU runner (gpu/runner.py: a sandboxed candidate worker and a trusted
one holding PyTorch eager and the expert), scored by speedup over eager and over the
expert, and KernelBench's fast_p. Without a GPU the correctness checks run in Triton's
interpreter and timing is "not measured". The problem folder also holds reference.py
(the eager PyTorch reference).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from codeeff import kinds

NAME = "triton"
REQUIRED_FILES = ("reference.py",)
USES_GPU = True
HAS_ENTRY_POINT = True
ASK = ("Complete the following Python function.",
       "the whole function (and any imports it needs)")  # fmt: skip
check_output_table = kinds.no_output_table


def checker(problem) -> None:
    """None: the GPU runner compares output tensors within the problem's tolerances."""
    return None


def _thresholds() -> tuple[float, ...]:
    from codeeff.gpu.scoring import FAST_P_THRESHOLDS

    return FAST_P_THRESHOLDS


def metric_names(ks: Sequence[int]) -> list[str]:
    thresholds = [f"fast_{p:g}" for p in _thresholds()]
    return [f"pass@{k}" for k in ks] + thresholds + ["speedup_eager", "speedup_expert"]


def whole_suite(name: str) -> bool:
    """Averaged over every task; the speedups only over tasks with a correct, timed one."""
    return name.startswith(("pass@", "fast_"))


def validate(problem):
    from codeeff.gpu.validate import validate_triton_problem

    return validate_triton_problem(problem)


def measure(problem, source: str, config, backend, cpu: int | None, root: Path) -> dict[str, Any]:
    """The GPU runner's record (its own config; the CPU measure config, backend and core
    do not apply: the runner splits the worker's cores between its two processes)."""
    from codeeff.gpu.runner import measure_triton

    return dict(measure_triton(problem, source), kind=NAME)


def report_notes(tasks: dict[str, dict]) -> list[str]:
    """Footnotes of a run's report (levels timed under a power cap)."""
    from codeeff.gpu.scoring import power_notes

    return power_notes(tasks)


def summarize_task(samples: list, tiers: list, ks: Sequence[int]) -> dict[str, Any]:
    """pass@k, fast_p and the speedups of one task (tiers are not measured for GPU tasks)."""
    from codeeff.gpu.scoring import score_triton, summarize_triton_task

    return summarize_triton_task([score_triton(r.sample_key, r.measurement) for r in samples], ks)
