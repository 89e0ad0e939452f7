"""examples/agent_loop.py end to end: the embedded local model, a real `codeeff serve`
started by the example on a loopback port, a few rounds (the tiny model's score may be
low; what is tested is that every round is asked, submitted, measured and reported)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from examples.agent_loop import describe, messages_for

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "agent_loop.py"


def test_the_agent_loop_runs_rounds_against_the_embedded_model_and_a_real_server():
    run = subprocess.run(
        [sys.executable, str(EXAMPLE), "--rounds", "2", "--patience", "5", "--max-tokens", "200",
         "--verbose"],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    rounds = re.findall(r"^round (\d): (\S+) +score (\d\.\d{3})", run.stdout, re.MULTILINE)
    assert [number for number, _, _ in rounds] == ["1", "2"], run.stdout
    assert all(verdict in {"OK", "WA", "RE", "TLE", "MLE", "OLE"} for _, verdict, _ in rounds)
    best = max(float(score) for _, _, score in rounds)
    assert f"best score {best:.3f}" in run.stdout
    assert "Verdict:" in run.stdout  # the feedback each round puts in the next prompt


def test_the_next_prompt_carries_the_best_solution_and_its_feedback():
    result = {
        "verdict": "OK", "score": 0.4, "speedup": 0.3, "error": "",
        "levels": [{"name": "large", "t_s": 0.3, "t_ref_s": 0.1}],
        "feedback": {"growth": {"exponent": 1.9, "ci95": [1.8, 2.0], "expert_exponent": 1.0,
                                "relative_exponent": 0.9, "relative_ci95": [0.8, 1.0]},
                     "costliest_level": {"name": "large"}},
    }  # fmt: skip
    worse = dict(result, score=0.1)
    messages = messages_for("def f(n): ...", [("slow = 1", worse), ("best = 1", result)])
    assert "best = 1" in messages[-2]["content"]
    told = messages[-1]["content"]
    assert "3.00x the expert's time" in told and "size^1.90" in told and "size^1.00" in told
    assert "size^0.90 (95% CI 0.80..1.00)" in told
    failed = describe({"verdict": "WA", "score": 0.0, "counterexample": {
        "input": "[2, 2], 4", "expected": "1", "actual": "0"}})  # fmt: skip
    assert "Failed on input ([2, 2], 4): expected 1, got 0" in failed
