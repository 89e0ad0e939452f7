"""One import: a source's records converted, written as a suite under a root, validated."""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from codeeff import importers, kinds
from codeeff.importers.records import ImportedProblem, write_problem
from codeeff.measure import outputs_equal
from codeeff.problems import load_problem


@dataclass
class ImportSummary:
    root: Path
    suite: str
    records: int = 0  # source records read (that the importer takes part in)
    imported: list[str] = field(default_factory=list)  # task ids written
    not_imported: dict[str, str] = field(default_factory=dict)  # record -> why
    valid: list[str] = field(default_factory=list)
    invalid: dict[str, str] = field(default_factory=dict)  # task id -> first failure
    fixed_inputs: dict[str, str] = field(default_factory=dict)  # task id -> some | all
    dropped_tiers: dict[str, str] = field(default_factory=dict)  # task id -> which and why
    validated: bool = False


def import_suite(
    source: str,
    from_path: Path,
    root: Path,
    suite: str | None = None,
    include_excluded: bool = False,
    validate: bool = True,
    progress: Callable[[Iterable[Any], str], Iterable[Any]] = lambda items, _what: items,
) -> ImportSummary:
    """Convert `source`'s records at `from_path` into problems/<suite>/ under `root`
    (replacing an earlier import of that suite), then validate each one.

    `progress(items, description)` wraps the long loops (a progress bar in the CLI)."""
    importer = importers.get(source)
    suite = suite or importer.NAME
    summary = ImportSummary(root=root, suite=suite)
    converted: list[ImportedProblem] = list(
        progress(importer.problems(from_path, include_excluded=include_excluded), "converting")
    )
    for base in (root / "problems" / suite, root / "reference_solutions" / suite):
        if base.exists():  # an earlier import of this suite: replaced, not merged
            shutil.rmtree(base)
    folders = []
    for problem in converted:
        summary.records += 1
        if problem.error:
            summary.not_imported[problem.name] = problem.error
            continue
        folders.append(write_problem(problem, root, suite))
        task_id = f"{suite}/{problem.name}"
        summary.imported.append(task_id)
        dropped = drop_wrong_tiers(folders[-1], root)
        if dropped:
            summary.dropped_tiers[task_id] = dropped
        if problem.fixed_inputs != "none":
            summary.fixed_inputs[task_id] = problem.fixed_inputs
    if not validate:
        return summary
    summary.validated = True
    for folder in progress(folders, "validating"):
        task_id = f"{suite}/{folder.name}"
        try:
            problem = load_problem(folder, root)
            report = kinds.get(problem.kind).validate(problem)
        except Exception as error:  # a folder the importer wrote wrong: said, not raised
            summary.invalid[task_id] = f"{type(error).__name__}: {error}"
            continue
        if report.ok:
            summary.valid.append(task_id)
        else:
            summary.invalid[task_id] = report.failures[0]
    return summary


def drop_wrong_tiers(folder: Path, root: Path) -> str:
    """Leave out the source's slower solutions that are wrong on the problem's own level-0
    cases (a tier is a rung of the efficiency ladder: it must be right). Returns what
    was left out and why ("" if nothing)."""
    problem = load_problem(folder, root)
    if len(problem.tiers) < 2:  # the expert alone (a GPU task's): no ladder to check
        return ""
    level = problem.levels[0]
    cases = [problem.generate(level, case) for case in range(level.cases)]
    expected = problem.expected_outputs(level, cases)
    check = problem.checker or (lambda _args, want, got: outputs_equal(want, got))
    reasons, kept = [], []
    for tier in problem.tiers[:-1]:
        solve = problem.solver(tier)
        for case, (args, want) in enumerate(zip(cases, expected, strict=True)):
            try:
                right = check(args, want, solve(copy.deepcopy(args)))
            except Exception as error:  # a tier that raises is a wrong tier
                right, why = False, f"raised {type(error).__name__}"
            else:
                why = "wrong answer"
            if not right:
                reasons.append(f"{tier.name} ({why} on level {level.name} case {case})")
                tier.path.unlink()
                break
        else:
            kept.append(tier.name)
    if reasons:
        ladder = {tier.name: tier for tier in problem.tiers}
        names = [*kept, "expert"]
        text = f"order = [{', '.join(json.dumps(name) for name in names)}]\n"
        if ladder["expert"].score is not None:  # the source's scores of the kept rungs
            text += f"scores = [{', '.join(str(ladder[name].score) for name in names)}]\n"
        (problem.reference_folder / "tiers.toml").write_text(text)
    return "; ".join(reasons)
