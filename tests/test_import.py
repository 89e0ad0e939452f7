"""`codeeff import`: the ENAMEL importer, its run-time support, and imported suites in use."""

from __future__ import annotations

import csv
import json
import random
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from codeeff.importers import enamel, enamel_support
from codeeff.importers.records import RecordError

SHARED_ENAMEL = Path(__file__).resolve().parents[2] / "shared" / "data" / "enamel"

# Two records in ENAMEL's schema, written for these tests.
TOY_PROMPT = 'def total(xs: list) -> int:\n    """Sum of xs."""\n'
TOY_GENERATOR = (
    "def generate_input(size: int, lid: int, cid: int):\n"
    "    import random\n"
    "    if lid == 0 and cid == 0:\n"
    "        return [],\n"
    "    return [random.randint(-9, 9) for _ in range(size)],\n"
)
TOY_CHECKER = "\n".join([
    "def __check(input, answer, output):",
    "    return type(output) == type(answer) and output == answer\n",
])  # fmt: skip
FIXED_GENERATOR = (
    "def generate_input(size: int, lid: int, cid: int):\n    return list(range(size)),\n"
)
HELPER_PROMPT = "\n".join([
    'def half(x: int) -> float:\n    """x / 2."""\n\n',
    "def near(a, b):\n    return abs(a - b) < 1e-9\n",
])  # fmt: skip
HELPER_CHECKER = "def __check(input, answer, output):\n    return near(answer, output)\n"


def _record(number: int, **overrides) -> dict:
    record = {
        "task_id": f"HumanEval/{number}", "prompt": TOY_PROMPT, "input_generator": TOY_GENERATOR,
        "input_levels": "5 2000 4000 8000", "reference_solution": "    return sum(xs)\n",
        "checker": TOY_CHECKER, "entry_point": "total",
    }  # fmt: skip
    return dict(record, **overrides)


def _write_csv(path: Path, records: list[dict]) -> Path:
    with open(path, "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=enamel.COLUMNS)
        writer.writeheader()
        writer.writerows(records)
    return path


# --- run-time support -----------------------------------------------------------------


def test_the_helpers_behave_as_documented():
    rng = random.Random(1)
    for size in (2, 9, 40):
        text = enamel_support.random_brackets(rng, size)
        depth = 0
        for char in text:
            depth += 1 if char == "(" else -1
            assert depth >= 0
        assert depth == 0 and len(text) == size + size % 2
        assert enamel_support.random_brackets(rng, size, valid=False).count(")(") >= 1
    assert enamel_support.random_brackets(rng, 10, par="<>", sep=" ").strip("<> ") == ""
    primes, composites = [2, 3, 5, 97, 7919, 104729], [1, 4, 561, 1105, 7917, 59 * 509]
    assert all(enamel_support.is_probable_prime(rng, p) for p in primes)
    assert not any(enamel_support.is_probable_prime(rng, c) for c in composites)
    assert all(enamel_support.is_probable_prime(rng, enamel_support.random_probable_prime(rng, n))
               for n in (10, 1000, 10**6))  # fmt: skip
    edge = [enamel_support.primality_input(rng, 100, 0, cid) for cid in range(4)]
    assert edge == list(enamel_support.PRIMALITY_EDGE_CASES)


def test_a_generator_draws_only_from_the_runs_rng_even_when_it_imports_random():
    generate = enamel_support.generator_from(TOY_PROMPT, TOY_GENERATOR)
    level = SimpleNamespace(index=1, params={"size": 50})
    first = generate(level, 1, random.Random(7))
    assert first == generate(level, 1, random.Random(7)) != generate(level, 1, random.Random(8))
    assert generate(SimpleNamespace(index=0, params={"size": 5}), 0, random.Random(1)) == ([],)


def test_a_checker_sees_its_prompts_helpers():
    check = enamel_support.checker_from(HELPER_PROMPT, HELPER_CHECKER)
    assert check((3,), 1.5, 1.5) and not check((3,), 1.5, 1.6)


# --- records ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"task_id": "MBPP/3"}, "task_id"),
        ({"input_levels": "1 2 three 4"}, "input_levels"),
        ({"input_levels": "1 2 3"}, "input_levels"),
        ({"entry_point": "not a name"}, "entry_point"),
        ({"checker": "def check(a, b, c):\n    return True\n"}, "checker"),
        ({"prompt": ""}, "prompt"),
    ],
)
def test_a_malformed_record_names_its_record_and_field(overrides, field):
    with pytest.raises(RecordError, match=f"record 3: field '{field}'"):
        enamel.parse_row(_record(1, **overrides), "enamel.csv: record 3")
    record = _record(1)
    del record["checker"]
    with pytest.raises(RecordError, match="field 'checker': is missing"):
        enamel.parse_row(record, "enamel.csv: record 3")


def test_fixed_inputs_are_found_and_said(monkeypatch, tmp_path):
    records = [_record(0), _record(1, input_generator=FIXED_GENERATOR), _record(2)]
    monkeypatch.setattr(enamel, "read_rows", lambda path: iter(records))
    imported = {p.name: p for p in enamel.problems(tmp_path)}
    # HumanEval/2 is outside ENAMEL's official set: not imported unless asked.
    assert sorted(imported) == ["humaneval_000", "humaneval_001"]
    assert imported["humaneval_000"].fixed_inputs == "none"
    assert imported["humaneval_001"].fixed_inputs == "all"
    assert 'fixed_inputs = "all"' in imported["humaneval_001"].files["problem.toml"]
    assert len(list(enamel.problems(tmp_path, include_excluded=True))) == 3


def test_the_published_inputs_are_enamels_own_and_a_run_draws_others(monkeypatch, tmp_path):
    """Without a salt an imported problem's inputs are the tests ENAMEL's evaluator makes
    (it seeds `random` with 998244353 ^ problem ^ (tests of the levels before + case));
    a run's salt draws fresh ones."""
    from dataclasses import replace

    from codeeff.importers.records import write_problem
    from codeeff.problems import load_problem

    records = [_record(7)]
    monkeypatch.setattr(enamel, "read_rows", lambda path: iter(records))
    (imported,) = enamel.problems(tmp_path, detect_fixed=False)
    problem = load_problem(write_problem(imported, tmp_path / "root", "enamel"), tmp_path / "root")
    scope: dict = {}
    exec(TOY_PROMPT + "    pass\n" + TOY_GENERATOR, scope)
    for level, case in ((problem.levels[1], 2), (problem.levels[3], 0)):
        random.seed(998244353 ^ 7 ^ (sum((8, 4, 4, 4)[: level.index]) + case))
        theirs = scope["generate_input"](size=level.params["size"], lid=level.index, cid=case)
        assert problem.generate(level, case) == tuple(theirs)
        assert replace(problem, input_salt="run").generate(level, case) != tuple(theirs)


@pytest.mark.skipif(not SHARED_ENAMEL.is_dir(), reason="ENAMEL's files are in ../shared only")
def test_enamels_published_file_gives_its_142_problems():
    imported = list(enamel.problems(SHARED_ENAMEL, detect_fixed=False))
    assert [p.error for p in imported if p.error] == []
    assert len(imported) == 142
    assert all(list(p.tiers) == ["canonical", "expert"] for p in imported)


# What a trial conversion found upstream: 11 generators ignore their randomness on the
# stress levels, 5 in part. The entropy meter finds more that draw a stress case from few
# inputs: 7 (two letters), 84 (one int in [size/2, size]), 132 (a split point), ...
UPSTREAM_FIXED = {13, 39, 46, 55, 63, 76, 77, 83, 106, 130, 139} | {10, 56, 61, 141, 147}
FEW_INPUTS = {7, 84, 132}
RANDOM_ENOUGH = {0, 1, 3, 4, 5}


@pytest.mark.skipif(not SHARED_ENAMEL.is_dir(), reason="ENAMEL's files are in ../shared only")
def test_enamels_fixed_and_few_input_generators_are_found(monkeypatch):
    wanted = UPSTREAM_FIXED | FEW_INPUTS | RANDOM_ENOUGH
    rows = [row for row in enamel.read_rows(SHARED_ENAMEL)
            if int(row["task_id"].split("/")[1]) in wanted]  # fmt: skip
    monkeypatch.setattr(enamel, "read_rows", lambda path: iter(rows))
    found = {int(p.name[-3:]): p.fixed_inputs for p in enamel.problems(SHARED_ENAMEL)}
    assert set(found) == wanted
    flagged = {number for number, fixed in found.items() if fixed != "none"}
    assert flagged == UPSTREAM_FIXED | FEW_INPUTS
    assert all(found[number] == "all" for number in {13, 39, 46, 55, 63, 130, 139})


# --- the command ------------------------------------------------------------------------


def _codeeff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "codeeff.cli", *args], capture_output=True,
                          text=True, timeout=600)  # fmt: skip


def test_import_writes_validates_and_the_suite_is_then_evaluated(tmp_path):
    # The second expert fails on the stress inputs: imported, but it does not validate.
    failing = "    return sum(xs) if len(xs) < 100 else 1 // 0\n"
    source = _write_csv(
        tmp_path / "enamel.csv", [_record(0), _record(1, reference_solution=failing)]
    )
    # HumanEval's canonical solutions beside it: a right, slower one for the first task,
    # a wrong one for the second (left out as a tier, and said).
    loop = "    result = 0\n    for x in xs:\n        result += x\n    return result\n"
    canonical = [[TOY_PROMPT + loop], [TOY_PROMPT + "    return 0\n"]]
    (tmp_path / enamel.CANONICAL_NAME).write_text(json.dumps(canonical))
    root = tmp_path / "root"
    imported = _codeeff("import", "enamel", "--from", str(source), "--root", str(root))
    assert imported.returncode == 0, imported.stderr
    assert "imported 2" in imported.stdout and "1 validate" in imported.stdout
    assert "humaneval_001" in imported.stdout  # the one that did not, with its reason
    left_out = "tier left out of enamel/humaneval_001 (wrong on its own tests): canonical"
    assert left_out in imported.stdout
    tiers = root / "reference_solutions" / "enamel"
    assert (
        tiers / "humaneval_000" / "tiers.toml"
    ).read_text() == 'order = ["canonical", "expert"]\n'
    assert (tiers / "humaneval_001" / "tiers.toml").read_text() == 'order = ["expert"]\n'
    listed = _codeeff("problems", "list", "--root", str(root))
    assert "enamel" in listed.stdout and "ENAMEL" in listed.stdout
    shown = _codeeff("problems", "show", "enamel/humaneval_000", "--root", str(root))
    assert "ENAMEL" in shown.stdout and "Apache-2.0" in shown.stdout
    samples = tmp_path / "s.jsonl"
    sample = {"task_id": "enamel/humaneval_000", "solution": TOY_PROMPT + "    return sum(xs)\n"}
    samples.write_text(json.dumps(sample) + "\n")
    db = tmp_path / "r.db"
    run = _codeeff("evaluate", "--samples", str(samples), "--suite", "enamel", "--root",
                   str(root), "--db", str(db), "--quiet", "--preset", "enamel")  # fmt: skip
    assert run.returncode == 0, run.stderr
