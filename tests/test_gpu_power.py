"""The GPU's power state in level records, and the footnote it gives reports (no GPU
needed: the NVML monitor is replaced by one that answers scripted samples)."""

from __future__ import annotations

import random

import pytest

from codeeff.gpu import power, runner
from codeeff.gpu.runner import GpuConfig
from codeeff.gpu.scoring import power_notes, score_triton, summarize_triton_task
from codeeff.problems import load_task
from codeeff.report import render
from tests.test_gpu_timing import ScriptedWorker

CONFIG = GpuConfig(min_rounds=3, max_rounds=4, audit_probability=0.0)
FULL_CLOCK = {"sm_mhz": 1980, "mem_mhz": 3201, "power_w": 450.0, "reasons": 0x0}
CAPPED = {"sm_mhz": 1755, "mem_mhz": 3201, "power_w": 699.0, "reasons": 0x4}  # sw_power_cap


class ScriptedMonitor(power.PowerMonitor):
    """Answers the samples it was given, in turn."""

    def __init__(self, samples: list[dict]):
        super().__init__(None, why_not="")
        self.handle, self.limit_w, self.samples, self.taken = object(), 700.0, samples, 0

    def sample(self) -> dict:
        self.taken += 1
        return self.samples[(self.taken - 1) % len(self.samples)]


@pytest.fixture(scope="module")
def problem():
    return load_task("triton/row_softmax")


def _level(problem, monitor):
    trusted = ScriptedWorker({"eager": (0.30, 0.012), "expert": (0.20, 0.012)})
    candidate = ScriptedWorker({"solution": (0.15, 0.012)})
    return runner._time_level(problem, problem.levels[-1], candidate, trusted, CONFIG,
                              random.Random(0), monitor)  # fmt: skip


def _record(level: dict) -> dict:
    return {"verdict": "OK", "passed": True, "levels": [level], "device": {"gpu": "NVIDIA H200"}}


def test_a_level_timed_under_a_power_cap_is_flagged(problem):
    monitor = ScriptedMonitor([FULL_CLOCK, CAPPED, FULL_CLOCK])
    level = _level(problem, monitor)
    state = level["power"]
    assert state["measured"] and state["samples"] == monitor.taken - 3  # warm-up round left out
    assert state["power_capped"] and 0 < state["power_capped_share"] < 1
    assert state["throttle_reasons"] == ["sw_power_cap"]
    assert state["sm_clock_mhz"] == {"min": 1755, "median": 1980, "max": 1980}
    assert state["power_limit_w"] == 700.0
    scored = score_triton("s:0", _record(level))
    assert scored["levels"][0]["power_capped"] is True
    task = summarize_triton_task([scored], [1])
    assert task["power_capped_levels"] == 1
    notes = power_notes({"triton/row_softmax": task})
    assert len(notes) == 1 and "triton/row_softmax (1)" in notes[0]


def test_a_level_at_full_clock_is_not_flagged(problem):
    level = _level(problem, ScriptedMonitor([FULL_CLOCK]))
    assert level["power"]["power_capped"] is False
    task = summarize_triton_task([score_triton("s:0", _record(level))], [1])
    assert task["power_capped_levels"] == 0 and power_notes({"t": task}) == []


def test_without_nvml_the_power_state_is_not_measured(problem):
    level = _level(problem, None)
    assert level["power"] == {"measured": False, "why": "not measured: no monitor"}
    monitor = power.PowerMonitor(None)  # this machine: no driver library (or no package)
    assert monitor.sample() is None and monitor.why_not.startswith("not measured")


def test_the_report_prints_the_power_footnote():
    summary = {"tasks": 1, "ci95": {}, "notes": ["power-capped: x (1)"]}
    run = {"run": {"run_id": "abcdef0123", "label": "m", "suite": "triton"}, "kind": "triton",
           "summary": summary, "tasks": {}}  # fmt: skip
    for fmt in ("table", "md"):
        assert "note (abcdef01): power-capped: x (1)" in render([run], fmt, [1])


def test_no_expert_speedup_for_an_imported_task_without_a_kernel(problem):
    """`[source] expert = "eager"`: the expert role times eager again, so no speedup over
    an expert is reported (it would be a second speedup over eager)."""
    level = _level(problem, None)
    record = dict(_record(level), expert_is_eager=True)
    scored = score_triton("s:0", record)
    assert scored["speedup_eager"] == pytest.approx(2.0, rel=0.01)
    assert scored["speedup_expert"] is None and scored["levels"][0]["expert_ms"] is None
    task = summarize_triton_task([scored], [1])
    assert task["speedup_expert"] is None and task["speedup_eager"] == pytest.approx(2.0, rel=0.01)
