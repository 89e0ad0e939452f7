"""`codeeff import kernelbench` and `codeeff import tritonbench`: the published tasks
become Triton problems (as many as measured, the others with their reason), a sample of
them loads, draws deterministic inputs that change with the salt and that an all-zero
answer fails, and an imported task judges a real Triton solution and a torch one.

The importers run once over the staged data (/work/shared/data, beside the repository);
only a sample of the problems is validated.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from codeeff import importers
from codeeff.gpu.runner import GpuConfig, measure_triton
from codeeff.gpu.validate import check_inputs
from codeeff.importers.records import write_problem
from codeeff.importers.torch_sources import reason_of
from codeeff.problems import load_problem
from codeeff.validate import ProblemReport

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
# As measured on the staged data (KernelBench 423217d, TritonBench 603e28a).
KERNELBENCH_CONVERTED = 189  # of levels 1 and 2 (200 files)
KERNELBENCH_NOT = {
    "needs the network": 20,  # level 4: Hugging Face models
    "zeros pass": 5,  # outputs below KernelBench's atol (softmax over 393216 columns, ...)
    "output independent of the inputs": 4,  # e.g. a ReLU after subtracting more than it can
    "nondeterministic reference": 1,  # dropout in training mode
    "too large": 1,  # 17.3 GB of inputs and outputs
}
TRITONBENCH_CONVERTED = 130  # of TritonBench-T's 166
TRITONBENCH_NOT = {
    "nondeterministic reference": 12,  # dropout, rand, bernoulli in the operator
    "output independent of the inputs": 6,  # floor(torch.rand(...)), ones_like, ...
    "no small level": 4,  # sizes set by exponents (2 ** i), or CUDA-only code
    "input is not tensors or values": 3,  # an nn.Module or a list among the inputs
    "output not finite": 3,  # float16 overflow, zeta below 1
    "unsupported output dtype": 2,  # complex outputs
    "no sizes without data": 1,  # the draw reads its own values (.item())
    "source fails": 1,  # a NameError in the published harness
    "zeros pass": 2,
    "reference fails": 1,  # cholesky of a matrix that float32 rounding left not positive-definite
    "device-dependent dtype": 1,  # torch.autocast: float16 on a GPU, float32 on the CPU
}
SAMPLE = ("kernelbench/l1_019_relu", "kernelbench/l1_033_batchnorm",
          "kernelbench/l2_001_conv2d_relu_biasadd", "tritonbench/abs", "tritonbench/addmm",
          "tritonbench/batch_norm")  # fmt: skip
FAST = GpuConfig(min_rounds=1, max_rounds=2, max_level_seconds=1)
TRITON_RELU = """
import torch
import triton
import triton.language as tl


@triton.jit
def _relu(x_ptr, out_ptr, n, BLOCK: tl.constexpr):
    offsets = tl.program_id(0) * BLOCK + tl.arange(0, BLOCK)
    mask = offsets < n
    x = tl.load(x_ptr + offsets, mask=mask)
    tl.store(out_ptr + offsets, tl.maximum(x, 0.0), mask=mask)


def solution(x):
    out = torch.empty_like(x)
    n = x.numel()
    _relu[(triton.cdiv(n, 1024),)](x, out, n, BLOCK=1024)
    return out
"""


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> tuple[Path, dict[str, list]]:
    """Both sources converted once and written under a fresh root."""
    root = tmp_path_factory.mktemp("imported")
    records = {}
    for source in ("kernelbench", "tritonbench"):
        records[source] = list(importers.get(source).problems(SHARED / source))
        for record in records[source]:
            if not record.error:
                write_problem(record, root, source)
    return root, records


def _problem(root: Path, task_id: str):
    return load_problem(root / "problems" / task_id, root)


def _counts(records: list) -> tuple[int, dict[str, int]]:
    reasons = Counter(reason_of(record.error) for record in records if record.error)
    return sum(not record.error for record in records), dict(reasons)


def test_kernelbench_converts_as_measured(imported):
    converted, reasons = _counts(imported[1]["kernelbench"])
    assert (converted, reasons) == (KERNELBENCH_CONVERTED, KERNELBENCH_NOT)


def test_tritonbench_converts_as_measured(imported):
    converted, reasons = _counts(imported[1]["tritonbench"])
    assert (converted, reasons) == (TRITONBENCH_CONVERTED, TRITONBENCH_NOT)


def test_every_record_not_converted_says_why_and_where(imported):
    for records in imported[1].values():
        for record in (r for r in records if r.error):
            where, reason, detail = record.error.split(": ", 2)
            assert where.endswith(".py") and reason and detail, record.error


def test_sampled_problems_load_with_their_source_and_levels(imported):
    root, _ = imported
    for task_id in SAMPLE:
        problem = _problem(root, task_id)
        assert problem.kind == "triton" and problem.entry_point == "solution"
        assert problem.source["expert"] == "eager" and problem.source["fixed_inputs"] == "none"
        assert [level.weight for level in problem.levels][0] == 0 and len(problem.levels) >= 2
        assert "@triton.jit kernels that you write and launch" in problem.prompt


def test_generators_are_deterministic_and_change_with_the_salt(imported):
    root, _ = imported
    for task_id in SAMPLE:
        problem = _problem(root, task_id)
        level = problem.levels[0]
        draws = []
        for salt in ("", "", "another run"):
            problem.input_salt = salt
            seed = problem.seed(level, 1)
            draws.append(problem.generator.generate(level, 1, random.Random(seed), "cpu"))
        same = [all(a.equal(b) for a, b in zip(x, y, strict=True)) for x, y in
                ((draws[0], draws[1]), (draws[0], draws[2]))]  # fmt: skip
        assert same == [True, False], task_id


def test_an_all_zero_answer_fails_on_sampled_problems(imported):
    root, _ = imported
    for task_id in SAMPLE:
        report = ProblemReport(task_id)
        check_inputs(_problem(root, task_id), report)
        assert report.ok and report.checks["zeros_fail"] and report.checks["deterministic"], (
            report.failures
        )


def test_a_triton_relu_passes_the_imported_kernelbench_relu(imported):
    record = measure_triton(_problem(imported[0], "kernelbench/l1_019_relu"), TRITON_RELU, FAST)
    assert record["verdict"] == "OK", record["error"]


def test_a_torch_relu_breaks_the_rule_of_the_imported_task(imported):
    torch_only = "import torch\n\n\ndef solution(x):\n    return torch.relu(x)\n"
    record = measure_triton(_problem(imported[0], "kernelbench/l1_019_relu"), torch_only, FAST)
    assert record["verdict"] == "WA" and "aten::relu" in record["error"]


def test_the_import_command_writes_and_validates_every_converted_task(tmp_path, capsys):
    """`codeeff import` end to end (the CPU checks: format, determinism, zero answers,
    the eager reference on level 0): every converted TritonBench-T task validates,
    scalar outputs (sum, mean, std) and column-vector ones (solve) included."""
    from codeeff.cli import main

    status = main(["import", "tritonbench", "--from", str(SHARED / "tritonbench"),
                   "--root", str(tmp_path), "--quiet"])  # fmt: skip
    out = capsys.readouterr().out
    assert status == 0, out[-2000:]
    assert f"imported {TRITONBENCH_CONVERTED} of 166 records" in out, out[-2000:]
    assert f"; {TRITONBENCH_CONVERTED} validate" in out, out[-3000:]
