"""`codeeff import effibench`: EffiBench's problems (Huang et al., "EffiBench:
benchmarking the efficiency of automatically generated code", Apache-2.0) as codeeff
problem folders.

EffiBench publishes one JSON array (`data/dataset.json`; HuggingFace `DONG19/EffiBench`)
of LeetCode problems: the statement (`markdown_description`), a few example asserts
(`small_test_cases`), its efficiency tests (`test_case`) and a canonical `class
Solution`. Each problem asks for that class (entry point `Solution.<method>`), with
LeetCode's usual names in scope (leetcode.PRELUDE), and is tested in two parts:
- `examples` (weight 0, the correctness check): the example asserts' arguments;
- `generated` (weight 1): where the tests are EffiBench's generator (a
  `generate_test_case()` that draws from `random`), each case is drawn from it with
  the run's rng (fresh every run); where they are assert lines, their arguments as
  published (`tests`, fixed inputs, and the problem says so).
The canonical solution is the expert (EffiBench has no slower tier). Problems on linked
lists or trees are left out: their arguments are objects a function problem cannot
carry.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from codeeff.importers.leetcode import (
    GENERATOR_FUNCTION,
    PRELUDE,
    assert_cases,
    method_arity,
    method_stub,
    uses_nodes,
)  # fmt: skip
from codeeff.importers.records import (
    ImportedProblem,
    LevelSpec,
    RecordError,
    converted,
    docstring,
    field_text,
    problem_toml,
)  # fmt: skip

NAME = "effibench"
LICENSE = "Apache-2.0"
URL = "https://github.com/huangd1999/EffiBench"
HUB_SPLIT = "train"
CALL = re.compile(r"\bsolution\.(\w+)\s*\(")
GENERATED_CASES = 8


def parse_record(record: dict[str, Any], where: str) -> ImportedProblem:
    """One record as a problem; RecordError names the record and the field."""
    if record.get("problem_idx") is None:
        raise RecordError(where, "problem_idx", "is missing")
    number = str(record["problem_idx"])
    if not re.fullmatch(r"[\w-]+", number):
        raise RecordError(where, "problem_idx", f"must be a plain id, got {number!r}")
    statement = field_text(record, "markdown_description", where)
    examples = field_text(record, "small_test_cases", where)
    tests = field_text(record, "test_case", where)
    canonical = field_text(record, "canonical_solution", where)
    call = CALL.search(examples)
    if not call:
        raise RecordError(where, "small_test_cases", "has no `solution.<method>(...)` call")
    method = call.group(1)
    if uses_nodes(canonical, examples):
        raise RecordError(where, "canonical_solution", "works on linked lists or trees, whose "
                          "objects a function problem's arguments cannot carry")  # fmt: skip
    try:
        stub, arity = method_stub(canonical, method), method_arity(canonical, method)
    except (SyntaxError, ValueError) as error:
        raise RecordError(where, "canonical_solution", f"{error}") from None
    try:
        fixed = {"examples": assert_cases(examples, method)}
    except (SyntaxError, ValueError) as error:
        raise RecordError(where, "small_test_cases", f"{error}") from None
    if not fixed["examples"]:
        raise RecordError(where, "small_test_cases", "holds no assert")
    generated = f"def {GENERATOR_FUNCTION}(" in tests
    if not generated:
        try:
            fixed["tests"] = assert_cases(tests, method)
        except (SyntaxError, ValueError) as error:
            why = f"neither a generator nor asserts: {error}"
            raise RecordError(where, "test_case", why) from None
        if not fixed["tests"]:
            raise RecordError(where, "test_case", "neither a generator nor asserts")
    stress = (LevelSpec("generated", 1, GENERATED_CASES) if generated
              else LevelSpec("tests", 1, len(fixed["tests"])))  # fmt: skip
    levels = [LevelSpec("examples", 0, len(fixed["examples"])), stress]
    source = {"name": "EffiBench", "id": number, "url": URL, "license": LICENSE,
              "fixed_inputs": "none" if generated else "all"}  # fmt: skip
    generator = (
        f'"""EffiBench problem {number} ({URL}, {LICENSE}), imported by `codeeff import\n'
        'effibench`: its example inputs (cases.json) and its test generator."""\n\n'
        "from codeeff.importers.leetcode import source_generator\n\n"
        f"TESTS = {(tests if generated else '')!r}\n"
        f"SOLUTION = {(canonical if generated else '')!r}\n\n"
        f"generate = source_generator(__file__, TESTS, {arity}, SOLUTION, returns_expected=True)\n"
    )
    files = {
        "problem.toml": problem_toml(f"EffiBench {number}: {method}", f"Solution.{method}",
                                     ["effibench", "leetcode"], source, levels),
        "prompt.py": f"{docstring(statement)}\n{PRELUDE}\n\n{stub}",
        "generator.py": generator,
        "cases.json": json.dumps(fixed),
    }  # fmt: skip
    return ImportedProblem(name=f"effibench_{number}", files=files,
                           tiers={"expert": f"{PRELUDE}\n\n{canonical}"},
                           fixed_inputs=source["fixed_inputs"])  # fmt: skip


def problems(source: Path, include_excluded: bool = False) -> Iterable[ImportedProblem]:
    """Every record of the source as a problem, or the error that stopped one."""
    return converted(source, HUB_SPLIT, parse_record)
