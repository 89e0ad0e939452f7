"""Task kinds: the one lookup, and the function kind's ENAMEL preset (evaluate --preset)."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

import codeeff
from codeeff import kinds
from codeeff.evaluate import EvaluateConfig
from codeeff.kinds import function
from codeeff.measure import LevelInputs, MeasureConfig, measure_solution
from codeeff.problems import load_task
from codeeff.sandbox.local import default_cpu


def test_every_kind_answers_the_same_interface():
    for name in kinds.names():
        module = kinds.get(name)
        assert module.NAME == name and isinstance(module.REQUIRED_FILES, tuple)
        assert isinstance(module.USES_GPU, bool) and module.metric_names([1])[0] == "pass@1"
        assert isinstance(module.HAS_ENTRY_POINT, bool) and len(module.ASK) == 2
        for function_name in ("validate", "measure", "summarize_task", "whole_suite",
                              "check_output_table", "checker"):  # fmt: skip
            assert callable(getattr(module, function_name))
    with pytest.raises(KeyError, match="unknown task kind 'teleport'"):
        kinds.get("teleport")


# The importers of GPU benchmarks exist to write that kind's problems (kind, prompt rule,
# solution stub): they name it by nature. "TritonBench" is a benchmark's name, not a kind.
GPU_IMPORTERS = ("importers/torch_sources.py", "importers/kernelbench.py",
                 "importers/tritonbench.py")  # fmt: skip


def test_no_module_outside_kinds_and_the_gpu_runner_names_a_kind():
    package = Path(codeeff.__file__).parent
    naming = re.compile(r"triton|stdio", re.IGNORECASE)
    benchmark = re.compile(r"tritonbench", re.IGNORECASE)
    found = [
        f"{path.relative_to(package)}:{number}"
        for path in sorted(package.rglob("*.py"))
        if path.relative_to(package).parts[0] not in ("kinds", "gpu")
        and path.relative_to(package).as_posix() not in GPU_IMPORTERS
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if naming.search(benchmark.sub("", line))
    ]
    assert found == []


def _level(name: str, weight: float, candidate: list[list[float]], reference: list[list[float]],
           verdict: str = "OK") -> dict:  # fmt: skip
    cases = [
        {"candidate_cpu_s": c, "reference_cpu_s": r, "witness_cpu_s": [], "candidate_peak_kb": 10,
         "reference_peak_kb": 10, "candidate_extra_kb": 0, "reference_extra_kb": 0,
         "limit_s": 1.0, "verdict": verdict}
        for c, r in zip(candidate, reference, strict=True)
    ]  # fmt: skip
    return {"name": name, "weight": weight, "verdict": verdict, "cases": cases}


def _stored(key: str, levels: list[dict]) -> SimpleNamespace:
    gate = _level("edge", 0, [[0.001]], [[]])
    measurement = {"kind": "function", "verdict": "OK", "passed": True, "error": "",
                   "levels": [gate, *levels],
                   "config": {"alpha": 2.0, "scoring": "enamel"}}  # fmt: skip
    return SimpleNamespace(sample_key=key, measurement=measurement)


def test_enamel_preset_gives_enamels_eff_at_k_from_hand_made_times():
    """Reference levels take 0.1, 0.2 and 0.4 s (its slowest case), so T = 2 x 0.4 = 0.8 s
    for every level; weights 3, 3, 4; a case's time is the Hodges-Lehmann estimate of its
    repeats ([1, 2, 3] x 0.1 gives 0.2), a level's its slowest case."""
    refs = [[[0.1] * 3, [0.05] * 3], [[0.2] * 3], [[0.4] * 3]]
    small, medium, large = (
        lambda c: _level("s", 1, c, refs[0]),
        lambda c: _level("m", 1, c, refs[1]),
        lambda c, verdict="OK": _level("l", 2, c, refs[2], verdict),
    )
    samples = [
        # As fast as the reference everywhere: f = 1 on each level.
        _stored("line:1", [small([[0.1] * 3, [0.05] * 3]), medium([[0.2] * 3]),
                           large([[0.4] * 3])]),
        # Small: HL([0.1, 0.2, 0.3]) = 0.2 -> (0.8 - 0.2) / (0.8 - 0.1) = 6/7; medium 0.5 ->
        # 0.3 / 0.6 = 1/2; large 0.6 -> 0.2 / 0.4 = 1/2.
        _stored("line:2", [small([[0.1, 0.2, 0.3], [0.05] * 3]), medium([[0.5] * 3]),
                           large([[0.6] * 3])]),
        # Times out on the large level (its score is 0 there); 0.7 s on small: 0.1 / 0.7.
        _stored("line:3", [small([[0.7] * 3, [0.05] * 3]), medium([[0.2] * 3]),
                           large([[0.9] * 3], verdict="TLE")]),
    ]  # fmt: skip
    expected = sorted([
        1.0,
        (3 * 6 / 7 + 3 * 0.5 + 4 * 0.5) / 10,
        (3 * (0.1 / 0.7) + 3 * 1.0 + 4 * 0.0) / 10,
    ])  # fmt: skip
    task = function.summarize_task(samples, [], ks=(1, 2, 3))
    assert [s["score"] for s in task["samples"]] == pytest.approx(
        [1.0, (3 * 6 / 7 + 3 * 0.5 + 4 * 0.5) / 10, (3 * (0.1 / 0.7) + 3.0) / 10]
    )
    assert task["eff@1"] == pytest.approx(sum(expected) / 3)
    # eff@k = sum_i C(i-1, k-1) / C(n, k) e_(i), scores sorted ascending (ENAMEL's estimator)
    assert task["eff@2"] == pytest.approx((0 * expected[0] + 1 * expected[1] + 2 * expected[2]) / 3)
    assert task["eff@3"] == pytest.approx(expected[2])


def test_the_preset_fixes_alpha_repeats_and_scoring_and_needs_four_levels(tmp_path):
    core = load_task("core/pair_sum_count")
    config = EvaluateConfig(suite="core", preset="enamel").for_problem(core)
    assert (config.alpha, config.min_repeats, config.max_repeats, config.scoring) == (
        2.0, 6, 6, "enamel")  # fmt: skip
    from tests.fixtures.mini_suite import write_mini_suite

    mini = load_task("mini/alpha", write_mini_suite(tmp_path, {"alpha": 1000}))
    with pytest.raises(ValueError, match="mini/alpha has 2 levels"):
        EvaluateConfig(suite="mini", preset="enamel").for_problem(mini)


SQUARES = "def f(n):\n    return sum(i * i for i in range(n))\n"


def _both_scorings(backend, source: str, sizes=(20_000, 100_000, 200_000)):
    """`source` measured against SQUARES on an edge case and three stress levels, by
    codeeff's rule and by ENAMEL's: (codeeff's measurement, ENAMEL's)."""
    levels = [LevelInputs("edge", 0, [(5,)], [sum(i * i for i in range(5))])] + [
        LevelInputs(name, 1, [(n,)], [sum(i * i for i in range(n))])
        for name, n in zip(("small", "medium", "large"), sizes, strict=True)
    ]

    def measured(scoring: str):
        config = MeasureConfig(min_repeats=3, max_repeats=3, scoring=scoring)
        return measure_solution(backend, source, SQUARES, "f", levels, config=config,
                                cpu=default_cpu())  # fmt: skip

    return measured("codeeff"), measured("enamel")


def test_under_the_preset_a_small_level_is_killed_at_the_problems_one_limit(backend):
    """3x slower than the reference on a small input: over alpha x that level's reference
    (TLE by codeeff's rule), under ENAMEL's one limit, set by the large level (scored)."""
    slow_on_small = (
        "def f(n):\n"
        "    if n < 50_000:\n"
        "        for _ in range(2):\n"
        "            sum(i * i for i in range(n))\n"
        "    return sum(i * i for i in range(n))\n"
    )
    ours, enamel = _both_scorings(backend, slow_on_small)
    assert ours.levels[1].verdict.value == "TLE"
    assert enamel.verdict.value == "OK" and enamel.levels[1].verdict.value == "OK"
    record = dict(enamel.to_dict(), config={"alpha": 2.0, "scoring": "enamel"})
    scored = function.score_measurement("line:1", record)
    # The small level scores below 1 but above 0: (T - 3 t_ref) / (T - t_ref), T ~ 20 t_ref.
    assert 0.5 < scored.levels[0]["score"] < 1.0 and math.isfinite(scored.levels[0]["t_s"])


def test_under_the_preset_a_level_out_of_resources_ends_the_run_and_still_passes(backend):
    """ENAMEL's rule: an OverflowError (or MemoryError, RecursionError, a timeout) on a
    stress level after level 0 passed keeps the sample passing, with no efficiency from
    that level on, and no later level is run. codeeff's own rule: a runtime error fails."""
    overflows = (
        "def f(n):\n"
        "    if n >= 100_000:\n"
        "        raise OverflowError('too big')\n"
        "    return sum(i * i for i in range(n))\n"
    )
    ours, enamel = _both_scorings(backend, overflows)
    assert ours.verdict.value == "RE" and not ours.passed
    assert enamel.verdict.value == "RE" and enamel.passed and "OverflowError" in enamel.error
    assert [level.verdict.value for level in enamel.levels] == ["OK", "OK", "RE"]
    assert len(enamel.reference_prepass_s) == 3 and min(enamel.reference_prepass_s) > 0
    record = dict(enamel.to_dict(), config={"alpha": 2.0, "scoring": "enamel"})
    scored = function.score_measurement("line:1", record)
    small = scored.levels[0]["score"]
    assert scored.passed and 0 < small and [lv["score"] for lv in scored.levels[1:]] == [0, 0]
    assert scored.score == pytest.approx(3 * small / 10)
    stored = function.score_measurement("line:1", json.loads(json.dumps(record)))
    assert stored.score == scored.score


def test_under_the_preset_level_0_has_the_problems_one_limit_not_two_seconds(backend):
    """ENAMEL times level 0 against its one limit (alpha x the slowest reference level,
    plus 10 ms); codeeff's gate allows 2 s a case. A sample that spends ~0.3 s on an edge
    case passes codeeff's gate and fails ENAMEL's."""
    slow_edge = (
        "import time\n"
        "def f(n):\n"
        "    if n < 10:\n"
        "        end = time.process_time() + 0.3\n"
        "        while time.process_time() < end:\n"
        "            pass\n"
        "    return sum(i * i for i in range(n))\n"
    )
    ours, enamel = _both_scorings(backend, slow_edge, (2_000, 4_000, 8_000))
    assert ours.passed and ours.levels[0].verdict.value == "OK"
    assert not enamel.passed and enamel.verdict.value == "TLE"
    assert enamel.levels[0].cases[0].limit_s < 0.1
