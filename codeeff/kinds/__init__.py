"""Task kinds, and the one lookup: everything that differs between kinds lives here.

A kind is a module of this package with the same small interface:

    NAME            the `kind` a problem.toml names
    REQUIRED_FILES  files a problem folder of this kind needs besides prompt.py and
                    generator.py
    USES_GPU        its measurements need the GPU (one unpinned worker, see executors/)
    HAS_ENTRY_POINT a solution defines a function problem.toml names (else it is a
                    whole program)
    ASK             (what a model is asked to write, what its reply must hold)
    check_output_table(table, path)            raises ProblemFormatError for a bad
                                               [output] table
    checker(problem)                           -> check(args, expected, actual) or None
                                                  (answers must be equal)
    solver(problem, tier)                      -> a trusted tier as a function of one
                                                  case's argument tuple (CPU kinds)
    validate(problem)                          -> validate.ProblemReport
    measure(problem, source, config, worker)   -> the measurement record to store (a dict
                                                  with "kind", "verdict", "passed", "error")
    summarize_task(samples, tiers, ks)         -> one task's metrics (stored results in)
    metric_names(ks)                           -> the metrics its summary reports, in
                                                  report order
    whole_suite(name)                          -> whether a metric is averaged over every
                                                  task (a task without a figure makes it
                                                  "not measured"); the others are averaged
                                                  over the tasks that have one
    report_notes(tasks)                        -> footnotes for a run's report (e.g. GPU
                                                  levels timed under a power cap)

No other module names a kind; callers ask `get(problem.kind)`. A kind's modules import
their heavy machinery (torch, the GPU runner) only when called.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from types import ModuleType
from typing import Any

_MODULES = {
    "function": "codeeff.kinds.function",
    "stdio": "codeeff.kinds.stdio",
    "triton": "codeeff.kinds.triton",
}
# What a stored measurement without a "kind" (stored before every record had one) is.
DEFAULT = "function"


def names() -> tuple[str, ...]:
    return tuple(_MODULES)


def get(name: str) -> ModuleType:
    """The kind's module; KeyError naming the known kinds if there is none."""
    if name not in _MODULES:
        raise KeyError(f"unknown task kind {name!r} (known: {', '.join(_MODULES)})")
    return importlib.import_module(_MODULES[name])


def of_measurement(measurement: dict[str, Any]) -> str:
    return measurement.get("kind", DEFAULT)


def of_problems(problems: Iterable[Any]) -> str:
    """The one kind of a set of problems (a run measures one suite, one kind)."""
    found = {problem.kind for problem in problems}
    if len(found) > 1:
        raise ValueError(f"one run measures one kind of task; these problems are {sorted(found)}")
    return found.pop() if found else DEFAULT


def no_report_notes(tasks: dict[str, Any]) -> list[str]:
    """report_notes of the kinds whose measurements need no footnote."""
    return []


def no_output_table(table: dict[str, Any], path: Any) -> None:
    """check_output_table of the kinds whose answers need no comparison settings."""
    if table:
        from codeeff.problems import ProblemFormatError

        raise ProblemFormatError(path, "output", "this kind takes no [output] table")
