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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class RecordError(ValueError):
    """A source record that cannot be imported; the message names where and which field."""

    def __init__(self, where: str, field_name: str, message: str):
        super().__init__(f"{where}: field '{field_name}': {message}")


@dataclass
class ImportedProblem:
    name: str  # the task's folder name within the suite
    files: dict[str, str] = field(default_factory=dict)  # problem folder: name -> text
    tiers: dict[str, str] = field(default_factory=dict)  # slowest first, "expert" last
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
    (references / "tiers.toml").write_text(f"order = [{order}]\n", encoding="utf-8")
    return folder
