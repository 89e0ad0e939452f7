"""Validation compiles a Triton expert for a real GPU even where there is none: code
that Triton's CPU interpreter runs but the GPU compiler refuses fails `gpu_compiles`
(on a GPU the expert's own run fails instead), also when only a stress level's launch
reaches it."""

from __future__ import annotations

from pathlib import Path

import pytest

from codeeff.gpu.compile_check import check_solution
from codeeff.gpu.runner import gpu_available
from codeeff.gpu.validate import validate_triton_problem
from codeeff.problems import load_problem
from tests.fixtures.problem_copy import copy_problem

TASK = "row_softmax"
SCALE = "out = e * (1.0 / denom)[:, None]"


@pytest.fixture
def expert(tmp_path: Path) -> Path:
    copy_problem(tmp_path, "triton", TASK)
    return tmp_path / "reference_solutions" / "triton" / TASK / "expert.py"


def _problem(expert: Path):
    root = expert.parents[3]
    return load_problem(root / "problems" / "triton" / TASK, root)


def _edit(expert: Path, old: str, new: str) -> None:
    text = expert.read_text()
    assert old in text, f"the expert no longer contains {old!r}"
    expert.write_text(text.replace(old, new))


def test_the_experts_compile(expert):
    assert check_solution(_problem(expert), expert) == []


def test_a_plain_global_read_in_a_kernel_fails_validation(expert):
    """The interpreter reads the global like Python would; the compiler refuses it."""
    _edit(expert, SCALE, "out = e * (_ONE / denom)[:, None]")
    expert.write_text(expert.read_text() + "\n_ONE = 1.0\n")
    report = validate_triton_problem(_problem(expert))
    assert not report.ok
    if gpu_available():
        assert report.checks["expert_passes"] is False
        return
    assert report.checks["expert_passes"], report.failures  # the interpreter ran it
    assert report.checks["gpu_compiles"] is False
    assert any("_ONE" in failure for failure in report.failures), report.failures


def test_a_launch_only_the_stress_levels_make_is_compiled_too(expert):
    """Level 0's rows are short; the bad branch is compiled only for a wide block, which
    only the stress levels' launches (recorded, not run) ask for."""
    _edit(expert, SCALE, SCALE + "\n    if BLOCK > 1024:\n        out = out * _ONE")
    expert.write_text(expert.read_text() + "\n_ONE = 1.0\n")
    errors = check_solution(_problem(expert), expert)
    assert errors and all("_ONE" in error for error in errors), errors


def test_a_dtype_passed_as_a_constexpr_is_compiled(expert):
    """`tl.float32` as a constexpr argument reaches the compiler as that dtype."""
    _edit(expert, "ROWS: tl.constexpr, BLOCK: tl.constexpr", "ROWS: tl.constexpr, "
          "BLOCK: tl.constexpr, ACC: tl.constexpr")  # fmt: skip
    _edit(expert, ").to(tl.float32)", ").to(ACC)")
    _edit(expert, "BLOCK=block, num_warps=warps", "BLOCK=block, ACC=tl.float32, num_warps=warps")
    assert check_solution(_problem(expert), expert) == []


def test_a_killed_check_says_why_and_fails(expert, monkeypatch):
    """A record process the OOM killer ended is a failed check that names the likely cause."""
    import subprocess

    killed = subprocess.CompletedProcess([], -9, stdout="", stderr="")
    monkeypatch.setattr(subprocess, "run", lambda *args, **kwargs: killed)
    errors = check_solution(_problem(expert), expert)
    assert len(errors) == 1 and "signal 9" in errors[0] and "out of memory" in errors[0]
