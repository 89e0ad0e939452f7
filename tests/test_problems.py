"""Problem loading, listing and validation, including validation catching broken problems."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from codeeff.cli import main
from codeeff.problems import ProblemFormatError, default_root, load_problem, load_suite, load_task
from codeeff.sandbox.local import default_cpu
from codeeff.validate import validate_problem
from tests.fixtures.problem_copy import copy_problem

TASK = "pair_sum_count"


@pytest.fixture
def problem_copy(tmp_path: Path) -> Path:
    return copy_problem(tmp_path, "core", TASK)


def _load(root: Path):
    return load_problem(root / "problems" / "core" / TASK, root)


def test_core_suite_loads_with_at_least_20_problems():
    problems = load_suite("core")
    assert len(problems) >= 20
    for problem in problems:
        assert problem.levels[0].weight == 0
        assert len(problem.levels) >= 2
        assert problem.tiers[-1].name == "expert" and len(problem.tiers) >= 2
        assert "implementation" in problem.tags or problem.tags


def test_core_suite_has_at_least_5_implementation_problems():
    problems = load_suite("core")
    assert sum("implementation" in p.tags for p in problems) >= 5


def test_problems_list_json(capsys):
    assert main(["problems", "list", "--suite", "core", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) >= 20
    assert all(entry["tags"] and len(entry["levels"]) >= 2 for entry in listed)


def test_problems_show_never_prints_a_reference(capsys):
    assert main(["problems", "show", f"core/{TASK}"]) == 0
    shown = capsys.readouterr().out
    expert = (default_root() / "reference_solutions" / "core" / TASK / "expert.py").read_text()
    assert "count_pairs" in shown
    assert "Counter" not in shown and expert.strip() not in shown


def test_generation_is_deterministic_per_seed():
    problem = load_task(f"core/{TASK}")
    level = problem.levels[1]
    assert problem.generate(level, 0) == problem.generate(level, 0)
    assert problem.generate(level, 0) != problem.generate(level, 1)


@pytest.mark.parametrize(
    ("edit", "field_name"),
    [
        (lambda text: text.replace('kind = "function"', 'kind = "teleport"'), "kind"),
        (lambda text: text.replace('entry_point = "count_pairs"\n', ""), "entry_point"),
        (lambda text: text.replace("weight = 0\n", "weight = 5\n", 1), "levels[0].weight"),
        (lambda text: text.replace("cases = 10", 'cases = "ten"'), "levels[0].cases"),
        (lambda text: text + "\n[[[broken", "toml"),
    ],
)
def test_malformed_problem_names_file_and_field(problem_copy, edit, field_name):
    toml_path = problem_copy / "problems" / "core" / TASK / "problem.toml"
    toml_path.write_text(edit(toml_path.read_text()))
    with pytest.raises(ProblemFormatError) as raised:
        _load(problem_copy)
    assert raised.value.field_name == field_name
    assert str(toml_path) in str(raised.value)


def test_missing_tier_file_is_named(problem_copy):
    (problem_copy / "reference_solutions" / "core" / TASK / "naive.py").unlink()
    with pytest.raises(ProblemFormatError, match="naive"):
        _ = _load(problem_copy).tiers


def test_validate_passes_on_a_sound_problem(problem_copy, backend):
    report = validate_problem(_load(problem_copy), backend, cpu=default_cpu())
    assert report.ok, report.failures
    assert report.slowest_ratio >= 3


def test_validate_catches_a_wrong_tier(problem_copy, backend):
    naive = problem_copy / "reference_solutions" / "core" / TASK / "naive.py"
    # Off by one only when a pair sums to zero: a bug small random tests must find.
    naive.write_text(
        naive.read_text().replace(
            "    return total\n", "    return total + (1 if target == 0 and total else 0)\n"
        )
    )
    report = validate_problem(_load(problem_copy), backend, cpu=default_cpu())
    assert not report.ok
    assert report.checks["tiers_agree"] is False
    assert any("tier naive disagrees" in failure for failure in report.failures)


def test_validate_catches_a_nondeterministic_generator(problem_copy, backend):
    generator = problem_copy / "problems" / "core" / TASK / "generator.py"
    generator.write_text(
        generator.read_text().replace(
            "    values = [rng.randint(-spread, spread) for _ in range(n)]",
            "    import random as global_random\n"
            "    values = [global_random.randint(-spread, spread) for _ in range(n)]",
        )
    )
    report = validate_problem(_load(problem_copy), backend, cpu=default_cpu())
    assert report.checks["deterministic"] is False
    assert any("differ" in failure for failure in report.failures)


def test_validate_catches_stress_inputs_that_ignore_the_seed(problem_copy, backend):
    """Fixed stress inputs are public: a sample could carry their answers."""
    generator = problem_copy / "problems" / "core" / TASK / "generator.py"
    generator.write_text(
        generator.read_text().replace(
            '    n = level.params["n"]\n',
            '    n = level.params["n"]\n    rng = random.Random(n)\n',
        )
    )
    report = validate_problem(_load(problem_copy), backend, cpu=default_cpu())
    assert report.checks["fresh_inputs"] is False
    assert any("ignores the seed" in failure for failure in report.failures)


def test_validate_catches_a_non_discriminating_generator(problem_copy, backend):
    # With every value distinct and a target nobody hits, the quadratic tier still
    # loses; so instead make the slowest tier as fast as the expert.
    references = problem_copy / "reference_solutions" / "core" / TASK
    shutil.copy(references / "expert.py", references / "naive.py")
    report = validate_problem(_load(problem_copy), backend, cpu=default_cpu())
    assert report.checks["discriminates"] is False
    assert any("only" in failure and "slower" in failure for failure in report.failures)


def test_references_command_writes_a_samples_file(tmp_path, capsys):
    out = tmp_path / "expert.jsonl"
    assert main(["references", "--suite", "core", "--tier", "expert", "-o", str(out)]) == 0
    samples = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(samples) == len(load_suite("core"))
    assert all(s["task_id"].startswith("core/") and "def " in s["solution"] for s in samples)


def test_the_discrimination_ratio_survives_a_burst_of_load():
    """The slowest tier and the expert run in turn: a burst of load that slows two runs in
    a row lands on both sides (timed apart, on one side only: a 2.4x gap read 1.5x)."""
    from types import SimpleNamespace

    from codeeff.sandbox.base import Verdict
    from codeeff.validate import _interleaved_ratio

    steps = iter([1, 1, 3, 3, 1, 1])  # the machine's slowdown at each run, in order

    class FakeSandbox:
        def __init__(self, cost: float):
            self.cost = cost

        def __enter__(self):
            return self

        def __exit__(self, *_):
            return False

        def add_input(self, key, args):
            pass

        def run(self, key, cpu_limit_s, wall_limit_s):
            return SimpleNamespace(verdict=Verdict.OK, cpu_s=self.cost * next(steps))

    costs = {"expert": 0.01, "slow": 0.05}
    backend = SimpleNamespace(open=lambda source, *a, **k: FakeSandbox(costs[source]))
    problem = SimpleNamespace(
        expert=SimpleNamespace(source="expert"), tiers=[SimpleNamespace(source="slow")],
        entry_point="f", limits=SimpleNamespace(memory_mb=64),
    )  # fmt: skip
    assert _interleaved_ratio(problem, backend, None, (1,), 1.0) == pytest.approx(5.0)


def test_validate_writes_each_report_as_it_comes(tmp_path, capsys):
    """--task repeats, and --jsonl keeps one line per problem validated so far."""
    out = tmp_path / "reports.jsonl"
    tasks = ["triton/row_sum_squares", "triton/row_softmax"]
    argv = ["problems", "validate", "--jsonl", str(out)]
    assert main([*argv, *(arg for task in tasks for arg in ("--task", task))]) == 0
    reports = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["task_id"] for r in reports] == tasks and all(r["ok"] for r in reports)
    assert "top level: % of peak" in capsys.readouterr().out
