"""`codeeff problems validate` on Triton problems: sound ones pass, broken copies fail
for the named reason (on CPU through Triton's interpreter; on a GPU, with timing)."""

from __future__ import annotations

from pathlib import Path

import pytest

from codeeff.gpu.validate import check_inputs, validate_triton_problem
from codeeff.problems import load_problem, load_suite
from codeeff.validate import ProblemReport
from tests.fixtures.problem_copy import copy_problem

TASK = "row_softmax"


@pytest.fixture
def triton_copy(tmp_path: Path) -> Path:
    return copy_problem(tmp_path, "triton", TASK)


def _load(root: Path):
    return load_problem(root / "problems" / "triton" / TASK, root)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{path.name} no longer contains {old!r}"
    path.write_text(text.replace(old, new))


def test_a_zero_output_is_wrong_on_every_task():
    """The generators make an all-zero answer fall outside the tolerance, always."""
    for problem in load_suite("triton"):
        report = ProblemReport(problem.task_id)
        check_inputs(problem, report)
        assert report.ok, report.failures
        assert report.checks["zeros_fail"] and report.checks["deterministic"]


def test_validate_passes_on_a_sound_triton_problem(triton_copy):
    report = validate_triton_problem(_load(triton_copy))
    assert report.ok, report.failures
    assert report.checks["expert_passes"]


def test_validate_catches_a_wrong_expert(triton_copy):
    expert = triton_copy / "reference_solutions" / "triton" / TASK / "expert.py"
    _edit(expert, "out = e * (1.0 / denom)[:, None]", "out = e * (1.001 / denom)[:, None]")
    report = validate_triton_problem(_load(triton_copy))
    assert report.checks["expert_passes"] is False
    assert any("outside" in failure for failure in report.failures)


def test_validate_catches_a_nondeterministic_generator(triton_copy):
    generator = triton_copy / "problems" / "triton" / TASK / "generator.py"
    _edit(generator, "g.manual_seed(rng.getrandbits(63))", "g.seed()")
    report = validate_triton_problem(_load(triton_copy))
    assert report.checks["deterministic"] is False
    assert any("differ" in failure for failure in report.failures)


def test_validate_catches_inputs_where_zeros_pass(triton_copy):
    """A task whose answers are all zero would let a kernel that writes nothing pass."""
    reference = triton_copy / "problems" / "triton" / TASK / "reference.py"
    _edit(reference, "def reference(x):\n", "def reference(x):\n    return 0 * x\n")
    report = validate_triton_problem(_load(triton_copy))
    assert report.checks["zeros_fail"] is False


def test_validate_catches_a_missing_tolerance(triton_copy):
    manifest = triton_copy / "problems" / "triton" / TASK / "problem.toml"
    text = manifest.read_text()
    manifest.write_text("\n".join(line for line in text.splitlines()
                                  if not line.startswith("bfloat16 =")) + "\n")  # fmt: skip
    report = validate_triton_problem(_load(triton_copy))
    assert report.checks["format"] is False
    assert any("bfloat16" in failure for failure in report.failures)
