"""`codeeff import evalperf | mercury | effibench`: records in each source's published
schema (written for these tests, not the sources' data) become problems that validate
and are evaluated; a malformed record is named with its file, record and field."""

from __future__ import annotations

import dataclasses
import json
import random
import subprocess
import sys
from pathlib import Path

import datasets
import pytest

from codeeff.importers import effibench, evalperf, mercury
from codeeff.importers.leetcode import assert_cases, source_generator
from codeeff.importers.suite import import_suite
from codeeff.problems import load_suite

# --- EvalPerf: task_id, prompt, entry_point, reference (slow to fast), scores, pe_input ---

COUNT_PROMPT = 'def count_below(xs: list, limit: int) -> int:\n    """How many xs are < limit."""\n'
COUNT_REFERENCES = [
    COUNT_PROMPT + "    return len([x for x in sorted(xs) if x < limit])\n",
    COUNT_PROMPT + "    n = 0\n    for x in xs:\n        if x < limit:\n            n += 1\n"
    "    return n\n",
    "    return sum(x < limit for x in xs)\n",  # a body: appended to the prompt
]


def _evalperf_record(number: int, **overrides) -> dict:
    record = {"task_id": f"HumanEval/{number}", "prompt": COUNT_PROMPT,
              "entry_point": "count_below", "reference": COUNT_REFERENCES,
              "scores": [20.0, 55.5, 100.0],
              "pe_input": json.dumps([list(range(3000, 0, -1)), 1500])}  # fmt: skip
    return dict(record, **overrides)


# --- Mercury: LeetCode tasks with historical solutions and a generator -------------------

PAIRS_STUB = "class Solution:\n    def pairCount(self, nums: List[int], k: int) -> int:\n        "
PAIRS_SLOW = (
    "class Solution:\n    def pairCount(self, nums: List[int], k: int) -> int:\n"
    "        return sum(nums[i] + nums[j] == k for i in range(len(nums))\n"
    "                   for j in range(i + 1, len(nums)))\n"
)
PAIRS_FAST = (
    "class Solution:\n    def pairCount(self, nums: List[int], k: int) -> int:\n"
    "        seen, total = Counter(), 0\n        for x in nums:\n"
    "            total += seen[k - x]\n            seen[x] += 1\n        return total\n"
)
PAIRS_GENERATOR = (
    "def generate_test_case():\n    n = random.randint(100, 300)\n"
    "    return [random.randint(-40, 40) for _ in range(n)], random.randint(-50, 50)\n"
)
SPAN_STUB = "class Solution:\n    def span(self, nums: List[int]) -> int:\n        "
SPAN_SOLUTION = (
    "class Solution:\n    def span(self, nums: List[int]) -> int:\n"
    "        return max(nums) - min(nums) if nums else 0\n"
)
IDENTITY = "def convert_offline(case):\n    return case\n"
EQUAL = "def evaluate_offline(inputs, outputs, expected):\n    return outputs == expected\n"


def _mercury_record(slug: str, **overrides) -> dict:
    cases = [{"input": [[1, 2, 3, 4], 5], "expected": 2}, {"input": [[], 0], "expected": 0},
             {"input": [[0, 0, 0], 0], "expected": 3}]  # fmt: skip
    record = {
        "id": 1, "slug_name": slug, "difficulty": "Easy",
        "pretty_content": ["Count the pairs i < j with nums[i] + nums[j] == k."],
        "prompt": PAIRS_STUB, "entry_point": "pairCount",
        "solutions": [{"solution": PAIRS_SLOW, "runtime": "1200 ms"},
                      {"solution": PAIRS_FAST, "runtime": "48 ms"}],
        "generator_code": PAIRS_GENERATOR, "test_cases": json.dumps(cases),
        "convert_offline": IDENTITY, "evaluate_offline": EQUAL,
    }  # fmt: skip
    return dict(record, **overrides)


# --- EffiBench: a statement, example asserts, a generator or asserts, the canonical ----

RANGE_SOLUTION = (
    "class Solution:\n    def rangeSum(self, nums: List[int], lo: int, hi: int) -> int:\n"
    "        return sum(x for x in nums if lo <= x <= hi)\n"
)
RANGE_TESTS = (
    "import random\n\n"
    "def generate_test_case():\n    solution = Solution()\n"
    "    nums = [random.randint(-100, 100) for _ in range(random.randint(50, 200))]\n"
    "    lo = random.randint(-100, 0)\n    hi = random.randint(0, 100)\n"
    "    return nums, lo, hi, solution.rangeSum(nums, lo, hi)\n\n"
    "def test_generated_test_cases(num_tests):\n    for _ in range(num_tests):\n"
    "        nums, lo, hi, expected = generate_test_case()\n"
    "        assert Solution().rangeSum(nums, lo, hi) == expected\n\n"
    'if __name__ == "__main__":\n    test_generated_test_cases(100)\n'
)


def _effibench_record(index: int, **overrides) -> dict:
    record = {
        "problem_idx": index, "markdown_description": "Sum the nums within [lo, hi].",
        "small_test_cases": "solution = Solution()\n"
        "assert solution.rangeSum([1, 5, 9], 2, 9) == 14\n"
        "assert solution.rangeSum([], 0, 1) == 0\n",
        "test_case": RANGE_TESTS, "canonical_solution": RANGE_SOLUTION,
    }  # fmt: skip
    return dict(record, **overrides)


def _write(path: Path, records: list[dict]) -> Path:
    """Records as a file of the suffix's format, written by the `datasets` library where
    it writes that format (as the sources publish them)."""
    if path.suffix == ".parquet":
        datasets.Dataset.from_list(records).to_parquet(str(path))
    elif path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(record) + "\n" for record in records))
    else:
        path.write_text(json.dumps(records))
    return path


# --- schema and errors ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("module", "record", "field"),
    [
        (evalperf, _evalperf_record(1, scores=[10.0, 20.0]), "scores"),
        (evalperf, _evalperf_record(1, scores=[60.0, 20.0, 100.0]), "scores"),
        (evalperf, _evalperf_record(1, pe_input="[1, 2"), "pe_input"),
        (evalperf, _evalperf_record(1, task_id="APPS/3"), "task_id"),
        (evalperf, _evalperf_record(1, entry_point="count below"), "entry_point"),
        (mercury, _mercury_record("a", test_cases="{not json"), "test_cases"),
        (mercury, _mercury_record("pairs", solutions=[{"solution": PAIRS_FAST}]),
         "solutions[0].runtime"),
        (mercury, _mercury_record("pairs", entry_point=""), "entry_point"),
        (mercury, _mercury_record("pairs", prompt="class Solution:\n    def pairCount(self, "
                                  "head: Optional[ListNode]) -> int:\n"), "prompt"),
        (mercury, _mercury_record("pairs", convert_offline="def convert_offline(case):\n"
                                  "    return [x * 2 for x in case[0]], case[1]\n"),
         "convert_offline"),
        (effibench, _effibench_record(3, small_test_cases="print(1)\n"), "small_test_cases"),
        (effibench, _effibench_record(3, canonical_solution="class Solution:\n  pass\n"),
         "canonical_solution"),
        (effibench, _effibench_record(3, test_case="x = 1\n"), "test_case"),
        (effibench, _effibench_record(3, markdown_description=None), "markdown_description"),
    ],
)  # fmt: skip
def test_a_malformed_record_names_its_file_record_and_field(tmp_path, module, record, field):
    good = {evalperf: _evalperf_record(0), mercury: _mercury_record("ok"),
            effibench: _effibench_record(0)}[module]  # fmt: skip
    path = _write(tmp_path / "records.jsonl", [good, record])
    converted = list(module.problems(path))
    assert [bool(problem.error) for problem in converted] == [False, True]
    error = converted[1].error
    assert str(path) in error and "record 1" in error and f"field '{field}'" in error, error


def test_a_source_that_is_neither_a_file_format_nor_a_folder_of_them_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(FileNotFoundError, match="no .parquet"):
        list(evalperf.problems(tmp_path))
    with pytest.raises(ValueError, match="not a .parquet"):
        list(evalperf.problems(tmp_path / "notes.txt"))


def test_assert_lines_and_generators_give_inputs_drawn_from_the_runs_rng(tmp_path):
    assert assert_cases("assert solution.f([1, 2], 'a') == 3\n", "f") == [[[1, 2], "a"]]
    with pytest.raises(ValueError):
        assert_cases("assert solution.f(x) == 3\n", "f")  # not a literal
    generate = source_generator(str(tmp_path / "generator.py"), RANGE_TESTS, 3, RANGE_SOLUTION,
                                returns_expected=True)  # fmt: skip
    level = type("Level", (), {"name": "generated"})()
    first = generate(level, 0, random.Random(1))
    assert len(first) == 3 and first == generate(level, 0, random.Random(1))
    assert first != generate(level, 0, random.Random(2))


# --- whole imports ------------------------------------------------------------------------


def test_evalperf_import_keeps_its_ladder_and_scores(tmp_path):
    source = _write(tmp_path / "test-00000-of-00001.parquet",
                    [_evalperf_record(0), _evalperf_record(7, task_id="Mbpp/7")])  # fmt: skip
    summary = import_suite("evalperf", source, tmp_path / "root")
    assert summary.imported == ["evalperf/humaneval_000", "evalperf/mbpp_007"]
    assert summary.valid == summary.imported, summary.invalid
    assert summary.fixed_inputs == {task: "all" for task in summary.imported}
    problem = load_suite("evalperf", tmp_path / "root")[0]
    assert [(t.name, t.score) for t in problem.tiers] == [
        ("rank0", 20.0), ("rank1", 55.5), ("expert", 100.0)]  # fmt: skip
    assert problem.source["fixed_inputs"] == "all"


def test_mercury_import_draws_from_its_generator_and_keeps_historical_tiers(tmp_path):
    span_cases = [{"input": [[3, 1, 2]], "expected": 2}, {"input": [[5]], "expected": 0}]
    bare = "def generate_test_case():\n    return [random.randint(0, 99) for _ in range(50)]\n"
    records = [
        _mercury_record("pair-sums"),
        _mercury_record("span-of", prompt=SPAN_STUB, entry_point="span", generator_code=bare,
                        solutions=[{"solution": SPAN_SOLUTION, "runtime": "30 ms"}],
                        test_cases=json.dumps(span_cases)),
        _mercury_record("list-nodes", prompt="class Solution:\n    def f(self, head: "
                        "Optional[ListNode]) -> int:\n        "),
    ]  # fmt: skip
    summary = import_suite("mercury", _write(tmp_path / "eval.jsonl", records), tmp_path / "r")
    assert summary.imported == ["mercury/pair_sums", "mercury/span_of"]
    assert summary.valid == summary.imported, summary.invalid
    assert "linked lists or trees" in summary.not_imported["record_2"]
    pairs = {p.task_id: p for p in load_suite("mercury", tmp_path / "r")}["mercury/pair_sums"]
    assert [tier.name for tier in pairs.tiers] == ["runtime_1200_0", "expert"]
    assert pairs.entry_point == "Solution.pairCount"
    level = pairs.levels[1]
    assert level.name == "generated" and pairs.source["fixed_inputs"] == "none"
    assert pairs.generate(level, 0) != dataclasses.replace(pairs, input_salt="x").generate(level, 0)


def _codeeff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "codeeff.cli", *args], capture_output=True,
                          text=True, timeout=600)  # fmt: skip


def test_imported_class_problems_are_evaluated_end_to_end(tmp_path):
    source = _write(tmp_path / "dataset.json", [
        _effibench_record(11),
        _effibench_record(12, test_case="solution = Solution()\n"
                          "assert solution.rangeSum([4, 8, 15], 5, 20) == 23\n"),
        _effibench_record(13, small_test_cases="assert solution.rangeSum(x, 1, 2) == 0\n"),
    ])  # fmt: skip
    root = tmp_path / "root"
    imported = _codeeff("import", "effibench", "--from", str(source), "--root", str(root))
    assert imported.returncode == 0, imported.stderr
    assert "imported 2 of 3" in imported.stdout and "2 validate" in imported.stdout
    assert "record_2" in imported.stdout and "small_test_cases" in imported.stdout
    prompt = (root / "problems" / "effibench" / "effibench_11" / "prompt.py").read_text()
    assert "class Solution:" in prompt and "def rangeSum(self" in prompt and "List" in prompt
    wrong = RANGE_SOLUTION.replace("lo <= x <= hi", "lo <= x < hi")
    no_class = "def rangeSum(nums, lo, hi):\n    return 0\n"
    lines = [{"task_id": "effibench/effibench_11", "solution": RANGE_SOLUTION},
             {"task_id": "effibench/effibench_11", "solution": wrong},
             {"task_id": "effibench/effibench_12", "solution": no_class}]  # fmt: skip
    samples = tmp_path / "s.jsonl"
    samples.write_text("".join(json.dumps(line) + "\n" for line in lines))
    out = tmp_path / "run.json"
    run = _codeeff("evaluate", "--samples", str(samples), "--suite", "effibench", "--root",
                   str(root), "--db", str(tmp_path / "r.db"), "--quiet",
                   "--json", str(out))  # fmt: skip
    assert run.returncode == 0, run.stderr
    tasks = json.loads(out.read_text())["tasks"]
    verdicts = [s["verdict"] for t in ("effibench/effibench_11", "effibench/effibench_12")
                for s in tasks[t]["samples"]]  # fmt: skip
    assert verdicts == ["OK", "WA", "RE"], verdicts


def test_dps_scores_a_sample_with_the_sources_scores_of_the_rungs_it_matches():
    from types import SimpleNamespace

    from codeeff.kinds.function import _source_dps

    scores = {"rank0": 20.0, "rank1": 55.5, "expert": 100.0}

    def tier(name, runtime):
        return SimpleNamespace(key=f"tier:{name}", runtime_s=runtime,
                               measurement={"source_scores": scores})  # fmt: skip

    ladder = [tier("rank0", 3.0), tier("rank1", 2.0)]
    assert _source_dps([1.0, 2.5, None], ladder, ladder, 1.0) == pytest.approx(40.0)
    assert _source_dps([4.0], ladder, ladder, 1.0) == 0.0  # slower than every rung
    # Measured in the other order than the source's: a rung keeps the slower one's score.
    swapped = [tier("rank0", 2.0), tier("rank1", 3.0)]
    assert _source_dps([2.5], swapped, swapped, 1.0) == pytest.approx(55.5)
    unscored = [SimpleNamespace(key="tier:rank0", runtime_s=3.0, measurement={})]
    assert _source_dps([1.0], unscored, unscored, 1.0) is None
