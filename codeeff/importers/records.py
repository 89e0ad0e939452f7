"""What every importer makes: problem folders written from checked source records.

An importer reads a published benchmark's records and yields ImportedProblem values,
each either the files of one problem folder and its tiers, or the reason it could not be
converted (a RecordError names the file, the record and the field). `write_problem` puts
one under a root as codeeff's own problems are laid out (problems/ and
reference_solutions/), so every command reads them the same way.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# The local file formats a source's published records come in, by suffix, as the
# `datasets` library names their readers.
READERS = {".parquet": "parquet", ".json": "json", ".jsonl": "json", ".csv": "csv"}


class RecordError(ValueError):
    """A source record that cannot be imported; the message names where and which field."""

    def __init__(self, where: str, field_name: str, message: str):
        super().__init__(f"{where}: field '{field_name}': {message}")


@dataclass
class ImportedProblem:
    name: str  # the task's folder name within the suite
    files: dict[str, str] = field(default_factory=dict)  # problem folder: name -> text
    tiers: dict[str, str] = field(default_factory=dict)  # slowest first, "expert" last
    tier_scores: list[float] = field(default_factory=list)  # the source's, per tier (EvalPerf)
    fixed_inputs: str = "none"  # none | some | all of the scored cases ignore the seed
    error: str = ""  # why it was not imported


def field_text(record: dict[str, Any], name: str, where: str) -> str:
    """A required, non-empty text field of a record."""
    if name not in record or record[name] is None:
        raise RecordError(where, name, "is missing")
    value = record[name]
    if not isinstance(value, str) or not value.strip():
        raise RecordError(where, name, f"must be non-empty text, got {value!r:.60}")
    return value


def toml_string(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(text, ensure_ascii=False)


def write_problem(problem: ImportedProblem, root: Path, suite: str) -> Path:
    """Write (or replace) one problem's folders under `root`; returns the problem folder."""
    folder = root / "problems" / suite / problem.name
    references = root / "reference_solutions" / suite / problem.name
    for path in (folder, references):
        if path.exists():
            shutil.rmtree(path)
        path.mkdir(parents=True)
    for name, text in problem.files.items():
        (folder / name).write_text(text, encoding="utf-8")
    for name, source in problem.tiers.items():
        (references / f"{name}.py").write_text(source, encoding="utf-8")
    order = ", ".join(json.dumps(name) for name in problem.tiers)
    manifest = f"order = [{order}]\n"
    if problem.tier_scores:
        manifest += f"scores = [{', '.join(str(float(s)) for s in problem.tier_scores)}]\n"
    (references / "tiers.toml").write_text(manifest, encoding="utf-8")
    return folder


def read_records(source: Path, split: str = "test") -> Iterator[tuple[str, dict[str, Any]]]:
    """(where, record) for each record of a source: a local file, a folder of them (every
    parquet, json, jsonl or csv file in it, by name), or else a dataset id on a hub
    (its `split`), all read by the `datasets` library. `where` names the file and the
    record, for errors."""
    import datasets

    if source.is_dir():
        files = sorted(path for path in source.iterdir() if path.suffix in READERS)
        if not files:
            raise FileNotFoundError(f"{source}: no {', '.join(READERS)} file in this folder")
    elif source.exists():
        if source.suffix not in READERS:
            raise ValueError(f"{source}: not a {', '.join(READERS)} file")
        files = [source]
    else:  # a hub id, where the user has network
        table = datasets.load_dataset(str(source), split=split)
        for index, record in enumerate(table):
            yield f"{source} [{split}]: record {index}", record
        return
    for path in files:
        table = datasets.load_dataset(READERS[path.suffix], data_files=str(path), split="train")
        for index, record in enumerate(table):
            yield f"{path}: record {index}", record


@dataclass(frozen=True)
class LevelSpec:
    """One level of an imported problem (problem.toml [[levels]])."""

    name: str
    weight: float
    cases: int
    params: dict[str, Any] = field(default_factory=dict)


# Imported references take from microseconds to seconds a case: the budget only catches
# a broken import (an expert that does not finish).
IMPORT_BUDGET_MS = (0.001, 5000.0)


def problem_toml(
    title: str, entry_point: str | None, tags: list[str], source: dict[str, str],
    levels: list[LevelSpec], memory_mb: int = 1024,
) -> str:  # fmt: skip
    """problem.toml of an imported problem: the source's tiers promise no gap
    (min_discrimination 0) and its own tests are the validation's (no random cases)."""
    lines = [f"title = {toml_string(title)}", 'kind = "function"']
    if entry_point:
        lines.append(f"entry_point = {toml_string(entry_point)}")
    lines += [f"tags = [{', '.join(toml_string(tag) for tag in tags)}]", "", "[source]"]
    lines += [f"{key} = {toml_string(value)}" for key, value in source.items()]
    lines += ["", "[limits]", f"memory_mb = {memory_mb}", "alpha = 2.0", "", "[validation]",
              "random_cases = 0  # the source's own tests only",
              "min_discrimination = 0.0  # the source's tiers: no gap is promised"]  # fmt: skip
    for level in levels:
        params = ", ".join(f"{key} = {json.dumps(value)}" for key, value in level.params.items())
        lines += ["", "[[levels]]", f"name = {toml_string(level.name)}",
                  f"weight = {level.weight}", f"cases = {level.cases}",
                  f"params = {{ {params} }}" if params else "params = {}",
                  f"budget_ms = [{IMPORT_BUDGET_MS[0]}, {IMPORT_BUDGET_MS[1]}]"]  # fmt: skip
    return "\n".join(lines) + "\n"


def docstring(text: str) -> str:
    """A source's problem statement as a Python docstring (its quotes and backslashes
    escaped)."""
    body = text.strip().replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return f'"""\n{body}\n"""\n'


def typed_field(record: dict[str, Any], name: str, kind: type | tuple, where: str) -> Any:
    """A required field of a given type."""
    value = record.get(name)
    if value is None:
        raise RecordError(where, name, "is missing")
    if not isinstance(value, kind):
        raise RecordError(where, name, f"has type {type(value).__name__}")
    return value


def converted(
    source: Path, split: str, parse: Callable[[dict[str, Any], str], ImportedProblem]
) -> Iterator[ImportedProblem]:
    """Every record of a source parsed into a problem, or the error that stopped one."""
    for index, (where, record) in enumerate(read_records(source, split)):
        try:
            yield parse(record, where)
        except RecordError as error:
            yield ImportedProblem(name=f"record_{index}", error=str(error))
