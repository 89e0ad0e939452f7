"""`codeeff import enamel`: ENAMEL's problems (Qiu et al., "How efficient is LLM-generated
code?", Apache-2.0) as ordinary codeeff problem folders.

Reads ENAMEL's published `enamel.csv` (one row per HumanEval task: prompt, input
generator, four input sizes, the expert's function body, the checker, the entry point)
and, when present beside it, `humaneval-canonical.json` (the HumanEval canonical
solutions, written as a slower tier). Each problem keeps ENAMEL's definition: its four
levels with ENAMEL's test counts (8, 4, 4, 4) and hardness weights (0, 3, 3, 4), its
generator (run with the run's rng, see enamel_support.py), its checker and its expert.
Only the 142 tasks of ENAMEL's official set are imported (upstream leaves 22 of the 164
rows out); `include_excluded` takes them all.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from codeeff import codec
from codeeff.importers.enamel_support import EntropyMeter, generator_from
from codeeff.importers.records import ImportedProblem, RecordError, field_text, toml_string

NAME = "enamel"
LICENSE = "Apache-2.0"
URL = "https://github.com/q-rz/enamel"
CSV_NAME = "enamel.csv"
CANONICAL_NAME = "humaneval-canonical.json"
COLUMNS = ("task_id", "prompt", "input_generator", "input_levels", "reference_solution",
           "checker", "entry_point")  # fmt: skip
# Upstream's official set leaves these HumanEval numbers out (enam/__init__.py).
EXCLUDED = frozenset({2, 23, 41, 45, 53, 60, 71, 92, 97, 99, 102, 123, 124, 135, 137, 138,
                      144, 148, 156, 157, 159, 160})  # fmt: skip
TESTS_PER_LEVEL = (8, 4, 4, 4)
HARDNESS = (0, 3, 3, 4)
LEVEL_NAMES = ("level0", "level1", "level2", "level3")
# ENAMEL's references take 0.1-10 ms a case, below the budget of codeeff's own problems:
# the budget only catches a broken import (an expert that does not finish).
BUDGET_MS = (0.001, 5000.0)
MEMORY_MB = 4096  # upstream's memory_giga = 4
# A stress case drawn with fewer bits of choice is one of at most about a million
# inputs: few enough for a sample to carry the answers (or the most frequent of them).
MIN_ENTROPY_BITS = 20


@dataclass(frozen=True)
class Row:
    """One CSV row, checked."""

    number: int
    task_id: str
    prompt: str
    generator: str
    sizes: tuple[int, ...]
    body: str
    checker: str
    entry_point: str


def read_rows(path: Path) -> Iterator[dict[str, Any]]:
    """The CSV's records, read by the `datasets` library (a local file, or a hub id where
    the user has network)."""
    import datasets

    if path.is_dir():
        path = path / CSV_NAME
    if path.exists():
        table = datasets.load_dataset("csv", data_files=str(path), split="train")
    else:
        table = datasets.load_dataset(str(path), split="train")
    yield from table


def parse_row(record: dict[str, Any], where: str) -> Row:
    """A record's fields, checked; RecordError names the record and the field."""
    values = {column: field_text(record, column, where) for column in COLUMNS}
    task_id = values["task_id"]
    prefix, _, number = task_id.partition("/")
    if prefix != "HumanEval" or not number.isdigit():
        raise RecordError(where, "task_id", f"expected HumanEval/<n>, got {task_id!r}")
    try:
        sizes = tuple(int(size) for size in values["input_levels"].split())
    except ValueError:
        raise RecordError(where, "input_levels", "must be integers separated by spaces") from None
    if len(sizes) != len(TESTS_PER_LEVEL):
        raise RecordError(where, "input_levels", f"needs {len(TESTS_PER_LEVEL)} sizes")
    if not values["entry_point"].isidentifier():
        raise RecordError(where, "entry_point", "must be a Python identifier")
    for column, definition in (("input_generator", "def generate_input"),
                               ("checker", "def __check")):  # fmt: skip
        if definition not in values[column]:
            raise RecordError(where, column, f"does not define {definition.split()[1]}")
    return Row(int(number), task_id, values["prompt"], values["input_generator"], sizes,
               values["reference_solution"], values["checker"], values["entry_point"])  # fmt: skip


def task_name(row: Row) -> str:
    return f"humaneval_{row.number:03d}"


def problem_toml(row: Row, fixed: str) -> str:
    title = f"{row.task_id}: {row.entry_point}"
    lines = [
        f"title = {toml_string(title)}",
        'kind = "function"',
        f"entry_point = {toml_string(row.entry_point)}",
        'tags = ["enamel", "humaneval"]',
        'difficulty = "medium"',
        "",
        "[source]",
        'name = "ENAMEL"',
        f"id = {toml_string(row.task_id)}",
        f'url = "{URL}"',
        f'license = "{LICENSE}"',
        f'fixed_inputs = "{fixed}"',
        "",
        "[limits]",
        f"memory_mb = {MEMORY_MB}",
        "alpha = 2.0",
        "",
        "[validation]",
        "random_cases = 0  # ENAMEL's own tests only",
        "min_discrimination = 0.0  # the tiers are the source's: no gap is promised",
    ]
    for name, weight, cases, size in zip(LEVEL_NAMES, HARDNESS, TESTS_PER_LEVEL, row.sizes,
                                         strict=True):  # fmt: skip
        lines += ["", "[[levels]]", f'name = "{name}"', f"weight = {weight}",
                  f"cases = {cases}", f"params = {{ size = {size} }}",
                  f"budget_ms = [{BUDGET_MS[0]}, {BUDGET_MS[1]}]"]  # fmt: skip
    return "\n".join(lines) + "\n"


def generator_py(row: Row) -> str:
    return (
        f'"""{row.task_id} from ENAMEL ({URL}, {LICENSE}): its input generator and checker,\n'
        'imported by `codeeff import enamel`; run by codeeff.importers.enamel_support."""\n\n'
        "from codeeff.importers.enamel_support import (\n"
        "    checker_from, generator_from, published_seeds,\n"
        ")\n\n"
        f"PROMPT = {row.prompt!r}\n"
        f"GENERATOR = {row.generator!r}\n"
        f"CHECKER = {row.checker!r}\n\n"
        "generate = generator_from(PROMPT, GENERATOR)\n"
        "check = checker_from(PROMPT, CHECKER)\n"
        f"published_seed = published_seeds({row.number}, {list(TESTS_PER_LEVEL)})\n"
    )


def canonical_solutions(folder: Path) -> list[str] | None:
    """HumanEval's canonical solutions (a list per task, one complete function each)."""
    path = folder / CANONICAL_NAME
    if not path.is_file():
        return None
    codes = json.loads(path.read_text(encoding="utf-8"))
    return [entry[0] if isinstance(entry, list) and entry else None for entry in codes]


def problems(
    source: Path, include_excluded: bool = False, detect_fixed: bool = True
) -> Iterable[ImportedProblem]:
    """Every importable problem of the source, or the RecordError that stopped one.
    detect_fixed=False skips the generation of every stress case (`fixed_inputs`) and
    says "none"."""
    folder = source if source.is_dir() else source.parent
    canonical = canonical_solutions(folder)
    for index, record in enumerate(read_rows(source)):
        where = f"{source}: record {index} ({record.get('task_id', '?')})"
        try:
            row = parse_row(record, where)
        except RecordError as error:
            yield ImportedProblem(name=f"record_{index}", error=str(error))
            continue
        if row.number in EXCLUDED and not include_excluded:
            continue
        tiers = {"expert": f"{row.prompt}\n{row.body}"}
        slower = canonical[row.number] if canonical and row.number < len(canonical) else None
        if slower:
            tiers = {"canonical": slower, **tiers}
        try:
            fixed = fixed_inputs(row) if detect_fixed else "none"
        except Exception as error:  # the source's generator fails on its own levels
            yield ImportedProblem(task_name(row), error=f"{where}: the generator fails: {error!r}")
            continue
        files = {"problem.toml": problem_toml(row, fixed), "prompt.py": row.prompt.rstrip() + "\n",
                 "generator.py": generator_py(row)}  # fmt: skip
        yield ImportedProblem(task_name(row), files=files, tiers=tiers, fixed_inputs=fixed)


def fixed_inputs(row: Row) -> str:
    """Whether the generator ignores its randomness on the scored levels: "none", "some"
    or "all" of their cases are one of few inputs: drawn with fewer than
    MIN_ENTROPY_BITS bits of choice (enamel_support.EntropyMeter), or the same from
    different seeds. Upstream's tests are made once, so some of its generators are
    deterministic, or nearly, at large sizes; those inputs are known before a run
    (their answers could be carried in a sample), which the problem then says
    (problem.toml [source] fixed_inputs) rather than hides."""
    generate = generator_from(row.prompt, row.generator)
    known = total = 0
    for index, (weight, cases, size) in enumerate(zip(HARDNESS, TESTS_PER_LEVEL, row.sizes,
                                                      strict=True)):  # fmt: skip
        if not weight:
            continue
        level = SimpleNamespace(index=index, params={"size": size})
        for case in range(cases):
            meter = EntropyMeter(f"first|{index}|{case}")
            first = codec.encode(generate(level, case, meter))
            second = codec.encode(generate(level, case, random.Random(f"second|{index}|{case}")))
            known += meter.bits < MIN_ENTROPY_BITS or first == second
            total += 1
    return "none" if known == 0 else "all" if known == total else "some"
