"""Timing feedback an agent can act on: growth exponents and the costliest level, and the
counterexample of a failed gate case (growth.py, kinds/function.feedback, measure.py)."""

from __future__ import annotations

import json
import random
from dataclasses import asdict
from pathlib import Path

import pytest

from codeeff.growth import growth
from codeeff.kinds import function
from codeeff.measure import (
    CaseMeasurement,
    LevelInputs,
    LevelMeasurement,
    MeasureConfig,
    measure_solution,
)
from codeeff.sandbox.base import Verdict
from codeeff.sandbox.local import default_cpu

SIZES = (10_000, 20_000, 40_000, 80_000)


def _levels(candidate_power: float, reference_power: float, sizes=SIZES, noise=0.03):
    """Stress levels whose times grow as size**power, with a few percent of noise."""
    rng = random.Random(7)

    def runs(base: float, power: float, size: float, count: int) -> list[float]:
        return [base * (size / 1e4) ** power * rng.uniform(1 - noise, 1 + noise)
                for _ in range(count)]  # fmt: skip

    return [
        LevelMeasurement(
            f"level{i}",
            1.0,
            cases=[
                CaseMeasurement(
                    candidate_cpu_s=runs(0.004, candidate_power, size, 8),
                    reference_cpu_s=runs(0.002, reference_power, size, 9),
                    limit_s=99.0,
                )
            ],
            size=size,
        )  # fmt: skip
        for i, size in enumerate(sizes, 1)
    ]


def test_exponents_of_known_power_laws_are_recovered_inside_their_intervals():
    found = growth(_levels(2.0, 1.0))
    assert abs(found["exponent"] - 2.0) < 0.05 and abs(found["expert_exponent"] - 1.0) < 0.05
    assert found["ci95"][0] <= found["exponent"] <= found["ci95"][1]
    assert found["ci95"][0] < 2.0 < found["ci95"][1]
    assert found["expert_ci95"][1] < found["ci95"][0]  # told apart
    assert found["relative_exponent"] == pytest.approx(found["exponent"] - found["expert_exponent"])
    assert found["relative_ci95"][0] < 1.0 < found["relative_ci95"][1]
    assert found["sizes"] == [float(s) for s in SIZES]


def test_the_interval_widens_with_the_noise_and_is_the_same_for_the_same_data():
    calm, noisy = growth(_levels(1.0, 1.0, noise=0.01)), growth(_levels(1.0, 1.0, noise=0.3))
    assert calm["ci95"][1] - calm["ci95"][0] < noisy["ci95"][1] - noisy["ci95"][0]
    assert growth(_levels(1.0, 1.0, noise=0.3)) == noisy


def test_no_exponent_without_sizes_over_a_narrow_span_or_with_too_few_finished_levels():
    unsized = _levels(1.0, 1.0)
    for level in unsized:
        level.size = None
    assert "declare no input size" in growth(unsized)["not_measured"]
    narrow = growth(_levels(1.0, 1.0, sizes=(10_000, 11_000, 12_000)))
    assert "span less than" in narrow["not_measured"]
    timed_out = _levels(1.0, 1.0, sizes=(10_000, 40_000, 80_000))
    timed_out[1].verdict = timed_out[2].verdict = Verdict.TLE
    assert "fewer than two" in growth(timed_out)["not_measured"]
    one_late = _levels(1.0, 1.0)
    one_late[-1].verdict = Verdict.TLE
    assert growth(one_late)["left_out"] == ["level4"]


SQUARES = "def f(n):\n    return sum(i * i for i in range(n))\n"
# The same answer in time growing as n**2 / 40000 passes (n / 40000 passes over range(n)).
QUADRATIC = (
    "def f(n):\n"
    "    for _ in range(max(1, n // 40_000)):\n"
    "        total = sum(i * i for i in range(n))\n"
    "    return total\n"
)


def _measured(backend, source: str, sizes=(80_000, 160_000, 320_000)) -> dict:
    levels = [LevelInputs("edge", 0, [(5,), (0,)], [30, 0])] + [
        LevelInputs(f"n{n}", 1, [(n,)], [sum(i * i for i in range(n))], size=n) for n in sizes
    ]
    config = MeasureConfig(alpha=50.0, min_repeats=5, max_repeats=9)
    measured = measure_solution(backend, source, SQUARES, "f", levels, config=config,
                                cpu=default_cpu())  # fmt: skip
    return function.score_measurement(
        "s", dict(measured.to_dict(), config=asdict(config))
    ).to_dict()


def test_a_quadratic_sample_is_told_its_growth_next_to_the_linear_experts(backend):
    scored = _measured(backend, QUADRATIC)
    assert scored["passed"], scored["error"]
    found = scored["feedback"]["growth"]
    assert 0.6 < found["expert_exponent"] < 1.4, found
    assert 1.5 < found["exponent"] < 2.5, found
    assert found["expert_ci95"][1] < found["ci95"][0], found
    assert 0.6 < found["relative_exponent"] < 1.4 and found["relative_ci95"][0] > 0.4, found
    costliest = scored["feedback"]["costliest_level"]
    assert costliest["name"] == "n320000" and costliest["ratio_to_expert"] > 4
    assert 0.5 < costliest["share_of_time"] <= 1


def test_a_wrong_answer_at_the_gate_keeps_its_input_expected_and_actual_output(backend):
    scored = _measured(backend, "def f(n):\n    return n\n")
    assert scored["verdict"] == "WA" and "feedback" not in scored
    assert scored["counterexample"] == {"level": "edge", "case": 0, "verdict": "WA",
                                        "input": "5", "expected": "30", "actual": "5"}  # fmt: skip


def test_a_huge_wrong_answer_is_shown_short(backend):
    scored = _measured(backend, "def f(n):\n    return [[['x' * 500] * 30] * 30] * 3\n")
    shown = scored["counterexample"]
    assert scored["verdict"] == "WA" and shown["actual"].startswith("[[['xxx")
    assert len(shown["actual"]) <= 1003


def test_a_crash_at_the_gate_shows_the_input_and_no_answer(backend):
    scored = _measured(backend, "def f(n):\n    return 1 // (n - 5)\n")
    assert scored["verdict"] == "RE"
    assert scored["counterexample"]["input"] == "5" and "actual" not in scored["counterexample"]


def test_evaluate_json_carries_the_feedback_of_each_sample(tmp_path):
    from codeeff.cli import main

    task = "core/pair_sum_count"
    expert = Path(__file__).resolve().parents[1] / "reference_solutions" / task / "expert.py"
    samples = tmp_path / "samples.jsonl"
    samples.write_text(json.dumps({"task_id": task, "solution": expert.read_text()}) + "\n")
    out = tmp_path / "run.json"
    status = main(["evaluate", "--samples", str(samples), "--suite", "core", "--no-tiers",
                   "--db", str(tmp_path / "r.db"), "--quiet", "--json", str(out)])  # fmt: skip
    assert status == 0
    (sample,) = json.loads(out.read_text())["tasks"][task]["samples"]
    growth = sample["feedback"]["growth"]
    assert growth["levels"] == ["small", "medium", "large"] and "exponent" in growth
    assert sample["feedback"]["costliest_level"]["name"] in growth["levels"]
