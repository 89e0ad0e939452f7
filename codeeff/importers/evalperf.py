"""`codeeff import evalperf`: EvalPerf's tasks (Liu et al., "Evaluating language models
for efficient code generation", evalplus, Apache-2.0) as codeeff problem folders.

EvalPerf publishes one record per task (HuggingFace `evalplus/evalperf`, split `test`;
parquet): the EvalPlus prompt and entry point, its representative reference solutions
ordered slow to fast with their performance scores (0-100), and one
performance-exercising input (`pe_input`, the JSON of one call's argument list).
Each problem keeps that ladder: the references are its tiers (slowest first, the
fastest is the expert) and tiers.toml keeps their scores, so codeeff's DPS scores a
sample with EvalPerf's own scores. The published input is the problem's only input: it
is the correctness check (level `check`, weight 0) and the timed level (`pe`), and
the problem says so (`fixed_inputs = "all"`): EvalPerf has no generator, and its
correctness tests are EvalPlus's, which are not part of this set.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from codeeff.importers.records import (
    ImportedProblem,
    LevelSpec,
    RecordError,
    converted,
    field_text,
    problem_toml,
    typed_field,
)  # fmt: skip

NAME = "evalperf"
LICENSE = "Apache-2.0"
URL = "https://github.com/evalplus/evalplus"
HUB_SPLIT = "test"
TASK_ID = re.compile(r"^(HumanEval|Mbpp)/(\d+)$")
LEVELS = [LevelSpec("check", 0, 1), LevelSpec("pe", 1, 1)]


def parse_record(record: dict[str, Any], where: str) -> ImportedProblem:
    """One record as a problem; RecordError names the record and the field."""
    task_id = field_text(record, "task_id", where)
    match = TASK_ID.match(task_id)
    if not match:
        raise RecordError(where, "task_id", f"expected HumanEval/<n> or Mbpp/<n>, got {task_id!r}")
    prompt = field_text(record, "prompt", where)
    entry_point = field_text(record, "entry_point", where)
    if not entry_point.isidentifier():
        raise RecordError(where, "entry_point", f"must be a Python identifier: {entry_point!r}")
    references = typed_field(record, "reference", list, where)
    scores = typed_field(record, "scores", list, where)
    if not references or not all(isinstance(code, str) and code.strip() for code in references):
        raise RecordError(where, "reference", "must be a non-empty list of solution texts")
    if len(scores) != len(references):
        raise RecordError(where, "scores", f"{len(scores)} scores for {len(references)} references")
    if not all(isinstance(s, (int, float)) and 0 <= s <= 100 for s in scores):
        raise RecordError(where, "scores", "must be numbers in [0, 100]")
    if any(later < earlier for earlier, later in zip(scores, scores[1:], strict=False)):
        raise RecordError(where, "scores", "must not decrease (references go slow to fast)")
    try:
        arguments = json.loads(field_text(record, "pe_input", where))
    except json.JSONDecodeError as error:
        raise RecordError(where, "pe_input", f"is not JSON: {error}") from None
    if not isinstance(arguments, list):
        raise RecordError(where, "pe_input", "must be the JSON list of one call's arguments")
    defines = re.compile(rf"^\s*def\s+{re.escape(entry_point)}\s*\(", re.M)
    sources = [code if defines.search(code) else f"{prompt}{code}" for code in references]
    names = [f"rank{rank}" for rank in range(len(sources) - 1)] + ["expert"]
    source = {"name": "EvalPerf", "id": task_id, "url": URL, "license": LICENSE,
              "fixed_inputs": "all"}  # fmt: skip
    files = {
        "problem.toml": problem_toml(f"{task_id}: {entry_point}", entry_point,
                                     ["evalperf", match.group(1).lower()], source, LEVELS),
        "prompt.py": prompt.rstrip() + "\n",
        "generator.py": (
            f'"""{task_id} from EvalPerf ({URL}, {LICENSE}), imported by `codeeff import\n'
            'evalperf`: its published performance-exercising input (cases.json)."""\n\n'
            "from codeeff.importers.leetcode import source_generator\n\n"
            "generate = source_generator(__file__)\n"
        ),
        "cases.json": json.dumps({"check": [arguments], "pe": [arguments]}),
    }  # fmt: skip
    return ImportedProblem(
        name=f"{match.group(1).lower()}_{int(match.group(2)):03d}", files=files,
        tiers=dict(zip(names, sources, strict=True)), tier_scores=[float(s) for s in scores],
        fixed_inputs="all",
    )  # fmt: skip


def problems(source: Path, include_excluded: bool = False) -> Iterable[ImportedProblem]:
    """Every record of the source as a problem, or the error that stopped one."""
    return converted(source, HUB_SPLIT, parse_record)
