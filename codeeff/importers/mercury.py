"""`codeeff import mercury`: Mercury's tasks (Du et al., "Mercury: a code efficiency
benchmark for code large language models"; the data's licence is reported as CC BY-NC
4.0, non-commercial) as codeeff problem folders.

Mercury publishes one record per LeetCode task (HuggingFace `Elfsong/Mercury`, split
`eval`): the statement (`pretty_content`), a `class Solution` stub (`prompt`), the
method's name (`entry_point`), historical accepted solutions with their LeetCode
runtimes, a test-case generator (`generator_code`, whose `generate_test_case()` returns
one call's arguments, or the bare argument of a one-argument method), published test
cases (`test_cases`, JSON of `{"input": [...], "expected": ...}`) and its own input
conversion and output check (`convert_offline`, `evaluate_offline`). Each problem:
- asks for the class (entry point `Solution.<method>`, LeetCode's usual names in scope);
- checks correctness on the first published cases (`published`, weight 0) and times
  cases drawn from the generator with the run's rng (`generated`, weight 1; where the
  generator is missing, the other published cases, fixed and said so);
- judges answers with Mercury's own `evaluate_offline`;
- keeps the historical solutions as its tiers, the fastest (by LeetCode's runtime) as
  the expert and up to MAX_SLOWER_TIERS slower ones spread over the rest, slowest
  first: Beyond@k's runtime ladder, measured again in every run.
Tasks on linked lists or trees, or whose convert_offline changes plain inputs, are left
out: their arguments are objects a function problem cannot carry.
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
    typed_field,
)  # fmt: skip

NAME = "mercury"
LICENSE = "CC BY-NC 4.0 (reported; non-commercial)"
URL = "https://github.com/Elfsong/Mercury"
HUB_SPLIT = "eval"
PUBLISHED_CASES = 8  # the correctness check: the first published cases
GENERATED_CASES = 8
MAX_SLOWER_TIERS = 4
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def runtime_of(entry: Any, where: str, index: int) -> tuple[float, str]:
    """(LeetCode runtime, code) of one historical solution."""
    field_name = f"solutions[{index}]"
    if not isinstance(entry, dict):
        raise RecordError(where, field_name, "must be {solution, runtime}")
    code, runtime = entry.get("solution"), entry.get("runtime")
    if not isinstance(code, str) or not code.strip():
        raise RecordError(where, f"{field_name}.solution", "must be non-empty text")
    found = NUMBER.search(str(runtime)) if runtime is not None else None
    if not found:
        raise RecordError(where, f"{field_name}.runtime", f"is not a runtime: {runtime!r}")
    return float(found.group()), code


def ladder(solutions: list[tuple[float, str]]) -> dict[str, str]:
    """The tiers: the fastest solution as the expert, and up to MAX_SLOWER_TIERS others
    evenly spread from the slowest, slowest first."""
    ranked = sorted(solutions, key=lambda solution: -solution[0])  # slowest first
    slower = ranked[:-1]
    count = min(MAX_SLOWER_TIERS, len(slower))
    picks = sorted({round(i * (len(slower) - 1) / max(count - 1, 1)) for i in range(count)})
    tiers = {f"runtime_{int(slower[i][0])}_{i}": slower[i][1] for i in picks}
    return {**tiers, "expert": ranked[-1][1]}


def parse_record(record: dict[str, Any], where: str) -> ImportedProblem:
    """One record as a problem; RecordError names the record and the field."""
    slug = field_text(record, "slug_name", where)
    if not re.fullmatch(r"[a-z0-9-]+", slug):
        raise RecordError(where, "slug_name", f"must be a LeetCode slug, got {slug!r}")
    content = typed_field(record, "pretty_content", list, where)
    if not content or not isinstance(content[0], str):
        raise RecordError(where, "pretty_content", "must be a list of statement texts")
    stub = field_text(record, "prompt", where)
    method = field_text(record, "entry_point", where)
    if not method.isidentifier():
        raise RecordError(where, "entry_point", f"must be a method name, got {method!r}")
    convert = field_text(record, "convert_offline", where)
    evaluate = field_text(record, "evaluate_offline", where)
    generator_code = record.get("generator_code") or ""
    if uses_nodes(stub, convert):
        raise RecordError(where, "prompt", "works on linked lists or trees, whose objects a "
                          "function problem's arguments cannot carry")  # fmt: skip
    try:
        cases = json.loads(field_text(record, "test_cases", where))
    except json.JSONDecodeError as error:
        raise RecordError(where, "test_cases", f"is not JSON: {error}") from None
    if (
        not isinstance(cases, list)
        or not cases
        or not all(isinstance(case, dict) and isinstance(case.get("input"), list) for case in cases)
    ):
        raise RecordError(where, "test_cases", 'must be a list of {"input": [...], ...}')
    if not plain_conversion(convert, cases[0]):
        raise RecordError(where, "convert_offline", "changes plain inputs (objects a function "
                          "problem's arguments cannot carry)")  # fmt: skip
    entries = typed_field(record, "solutions", list, where)
    if not entries:
        raise RecordError(where, "solutions", "is empty")
    solutions = [runtime_of(entry, where, index) for index, entry in enumerate(entries)]
    try:
        arity = method_arity(f"{stub.rstrip()}\n        pass\n", method)
        prompt_stub = method_stub(f"{stub.rstrip()}\n        pass\n", method)
    except (SyntaxError, ValueError) as error:
        raise RecordError(where, "prompt", f"{error}") from None
    generated = f"def {GENERATOR_FUNCTION}(" in generator_code
    inputs = [case["input"] for case in cases]
    fixed = {"published": inputs[:PUBLISHED_CASES]}
    stress = LevelSpec("generated", 1, GENERATED_CASES)
    if not generated:
        fixed["published_rest"] = inputs[PUBLISHED_CASES:] or inputs
        stress = LevelSpec("published_rest", 1, len(fixed["published_rest"]))
    levels = [LevelSpec("published", 0, len(fixed["published"])), stress]
    source = {"name": "Mercury", "id": slug, "url": URL, "license": LICENSE,
              "fixed_inputs": "none" if generated else "all"}  # fmt: skip
    generator = (
        f'"""Mercury task {slug} ({URL}, {LICENSE}), imported by `codeeff import mercury`:\n'
        'its published cases (cases.json), its generator and its output check."""\n\n'
        "from codeeff.importers.leetcode import source_checker, source_generator\n\n"
        f"GENERATOR = {(generator_code if generated else '')!r}\n"
        f"EVALUATE = {evaluate!r}\n\n"
        f"generate = source_generator(__file__, GENERATOR, {arity})\n"
        'check = source_checker(EVALUATE, "evaluate_offline")\n'
    )
    files = {
        "problem.toml": problem_toml(f"Mercury {slug}: {method}", f"Solution.{method}",
                                     ["mercury", "leetcode", str(record.get("difficulty", ""))
                                      .lower() or "unrated"], source, levels),
        "prompt.py": f"{docstring(content[0])}\n{PRELUDE}\n\n{prompt_stub}",
        "generator.py": generator,
        "cases.json": json.dumps(fixed),
    }  # fmt: skip
    tiers = {name: f"{PRELUDE}\n\n{code}" for name, code in ladder(solutions).items()}
    return ImportedProblem(name=slug.replace("-", "_"), files=files, tiers=tiers,
                           fixed_inputs=source["fixed_inputs"])  # fmt: skip


def plain_conversion(convert: str, case: dict[str, Any]) -> bool:
    """Whether the source's convert_offline leaves a published case as it is (it builds
    linked lists and trees for the tasks that take them)."""
    scope: dict[str, Any] = {}
    try:
        exec(PRELUDE, scope)
        exec(compile(convert, "<convert_offline>", "exec"), scope)
        inputs, expected = scope["convert_offline"]((case["input"], case.get("expected")))
    except Exception:
        return False
    return list(inputs) == case["input"] and expected == case.get("expected")


def problems(source: Path, include_excluded: bool = False) -> Iterable[ImportedProblem]:
    """Every record of the source as a problem, or the error that stopped one."""
    return converted(source, HUB_SPLIT, parse_record)
