"""The `stdio` kind: a whole program that reads standard input and writes standard output.

The form of competitive programming (and of EffiBench-X or CodeContests style sets). A
case's input is one text (the generator returns `(text,)`); each run executes the program
in a fresh child of the same sandbox as the `function` kind, with that text on fd 0
(a sealed memory file) and a fresh memory file on fd 1, whose bytes are the answer
(sandbox/worker.py). Timing, scoring and metrics are the `function` kind's: the same
interleaved measurement against the expert, here the expert program.

Answers are compared by the problem's [output] table:

    [output]
    compare = "tokens"   # tokens (default): the same whitespace-separated tokens
                         # exact: the same bytes
                         # float: tokens, numbers within abs_tol or rel_tol of the expert's
    abs_tol = 1e-6       # float only
    rel_tol = 1e-6       # float only

or by a `check(args, expected, actual)` in the generator (expected and actual are bytes).
The trusted tiers run in the harness's process to make the expected outputs: they read
`sys.stdin` and write `sys.stdout` (not fd 0 and 1 directly).
"""

from __future__ import annotations

import builtins
import io
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from codeeff.kinds import function

NAME = "stdio"
REQUIRED_FILES: tuple[str, ...] = ()
USES_GPU = False
HAS_ENTRY_POINT = False
ASK = ("Write a Python program for the following task: it reads standard input and "
       "writes standard output, in the format the task states.",
       "the whole program")  # fmt: skip
COMPARISONS = ("tokens", "exact", "float")
DEFAULT_TOLERANCE = 1e-6

metric_names = function.metric_names
whole_suite = function.whole_suite
summarize_task = function.summarize_task


def validate(problem):
    """The function kind's checks, after these: every case is one input text, and the
    answers are compared with some judgement (a custom `check` that accepted anything
    would pass every tier and every sample): on level 0 the expert's own output is
    accepted, and an empty one rejected wherever the expert printed something."""
    from codeeff.validate import ProblemReport

    report = ProblemReport(problem.task_id)
    for level in [*problem.levels, problem.random_level()]:
        args = problem.generate(level, 0)
        if len(args) != 1 or not isinstance(args[0], (str, bytes)):
            report.fail("inputs", f"level {level.name}: generate() must return (text,)")
            return report
    check, edge = problem.checker, problem.levels[0]
    cases = [problem.generate(edge, case) for case in range(edge.cases)]
    for case, (args, expected) in enumerate(zip(cases, problem.expected_outputs(edge, cases),
                                                strict=True)):  # fmt: skip
        if not check(args, expected, expected):
            report.fail("checker", f"level {edge.name} case {case}: rejects the expert's output")
        elif expected.split() and check(args, expected, b""):
            report.fail("checker", f"level {edge.name} case {case}: accepts an empty output")
        if report.failures:
            return report
    return function.validate(problem)


report_notes = function.report_notes


def check_output_table(table: dict[str, Any], path: Path) -> None:
    from codeeff.problems import ProblemFormatError

    unknown = set(table) - {"compare", "abs_tol", "rel_tol"}
    if unknown:
        raise ProblemFormatError(path, f"output.{sorted(unknown)[0]}", "is not a known key")
    compare = table.get("compare", "tokens")
    if compare not in COMPARISONS:
        raise ProblemFormatError(path, "output.compare", f"must be one of {', '.join(COMPARISONS)}")
    for key in ("abs_tol", "rel_tol"):
        value = table.get(key, DEFAULT_TOLERANCE)
        if compare != "float" and key in table:
            raise ProblemFormatError(path, f"output.{key}", 'only applies to compare = "float"')
        if not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0:
            raise ProblemFormatError(path, f"output.{key}", "must be a number >= 0")


# --- comparing outputs --------------------------------------------------------------


def exact_equal(expected: bytes, actual: bytes) -> bool:
    return expected == actual


def tokens_equal(expected: bytes, actual: bytes) -> bool:
    """The same whitespace-separated tokens (line breaks and spacing are free)."""
    return expected.split() == actual.split()


def floats_close(expected: bytes, actual: bytes, abs_tol: float, rel_tol: float) -> bool:
    """Token by token: where the expert wrote a number, any number within abs_tol or
    rel_tol of it; elsewhere the same token. nan and inf only where the expert has them."""
    wanted, given = expected.split(), actual.split()
    if len(wanted) != len(given):
        return False
    for want, got in zip(wanted, given, strict=True):
        if want == got:
            continue
        try:
            want_value, got_value = float(want), float(got)
        except ValueError:
            return False
        if not math.isfinite(want_value) or not math.isfinite(got_value):
            return False  # equal non-finite tokens matched above
        if not math.isclose(got_value, want_value, rel_tol=rel_tol, abs_tol=abs_tol):
            return False
    return True


def checker(problem) -> Callable[[tuple, Any, Any], bool]:
    """The generator's `check`, else the comparison the [output] table names."""
    custom = getattr(problem.generator, "check", None)
    if custom is not None:
        return custom
    table = problem.output
    compare = table.get("compare", "tokens")
    if compare == "float":
        abs_tol = float(table.get("abs_tol", DEFAULT_TOLERANCE))
        rel_tol = float(table.get("rel_tol", DEFAULT_TOLERANCE))
        return lambda _args, expected, actual: floats_close(expected, actual, abs_tol, rel_tol)
    compare_bytes = exact_equal if compare == "exact" else tokens_equal
    return lambda _args, expected, actual: compare_bytes(expected, actual)


# --- trusted runs ---------------------------------------------------------------------


class ProgramExit(Exception):
    """A trusted program ended with a non-zero exit status."""


def run_program(code, text: str | bytes) -> bytes:
    """Run a trusted program here, as `__main__`, on `text`; what it wrote to sys.stdout."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    output = io.BytesIO()
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    stdout = io.TextIOWrapper(output, encoding="utf-8")
    saved = sys.stdin, sys.stdout
    sys.stdin, sys.stdout = stdin, stdout
    try:
        exec(code, {"__name__": "__main__", "__builtins__": builtins})
    except SystemExit as stop:
        if stop.code not in (None, 0):
            raise ProgramExit(f"the program exited with status {stop.code!r}") from None
    finally:
        sys.stdin, sys.stdout = saved
        stdout.flush()
        stdout.detach()  # leaves `output` open to read
    return output.getvalue()


def solver(problem, tier) -> Callable[[tuple], bytes]:
    """The tier's program as a function of a case's `(text,)`."""
    code = compile(tier.source, str(tier.path), "exec")
    return lambda args: run_program(code, args[0])


def measure(
    problem, source: str, config, backend, cpu: int | None, root: Path
) -> dict[str, Any]:  # fmt: skip
    """The function kind's measurement (the sandbox runs a program where the problem has
    no entry point), recorded as this kind's."""
    return dict(function.measure(problem, source, config, backend, cpu, root), kind=NAME)
