"""What imported LeetCode-style problems (Mercury, EffiBench) and problems with published
fixed inputs (EvalPerf) run: their cases, their own generator code, their checkers.

An imported problem's generator.py is a few lines that call `source_generator` with the
source's code as strings; its fixed cases (published inputs) lie beside it in
cases.json, one list of argument lists per level name. A level without fixed cases
draws every case from the source's `generate_test_case()`, run with the run's rng in
place of the `random` module (seeded.py), so those inputs change with every run.

LeetCode's judge gives a solution names it never imports (`List`, `deque`, `heappush`,
`inf`, ...); PRELUDE gives the same names, at the top of every imported prompt and
reference and in the generators' scope.
"""

from __future__ import annotations

import ast
import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from codeeff.importers.seeded import rng_globals

PRELUDE = """\
from typing import *
from collections import *
from heapq import *
from bisect import *
from itertools import *
from functools import *
from math import *
import collections, heapq, bisect, itertools, functools, math, string, re
"""
_PRELUDE_CODE = compile(PRELUDE, "<leetcode prelude>", "exec")
CASES_FILE = "cases.json"
GENERATOR_FUNCTION = "generate_test_case"
# Linked lists and trees cannot be a function problem's arguments (codeeff passes plain
# values); problems built on them are left out, and the import report says why.
NODE_TYPES = ("ListNode", "TreeNode", "Node(")


def method_arity(code: str, method: str) -> int:
    """How many arguments `method` of the code's first class takes (without self)."""
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.FunctionDef) and node.name == method:
            return len(node.args.args) - 1
    raise ValueError(f"no method {method!r}")


def method_stub(code: str, method: str) -> str:
    """`class Solution:` and the method's def line, from a solution or a stub, with `...`
    as its body: what the model is asked to complete."""
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name == method:
                    item.body, item.decorator_list = [ast.Expr(ast.Constant(...))], []
                    body = "".join(f"    {line}\n" for line in ast.unparse(item).splitlines())
                    return f"class {node.name}:\n{body}"
    raise ValueError(f"no class with a method {method!r}")


def assert_cases(text: str, method: str) -> list[list[Any]]:
    """The argument lists of `assert solution.<method>(...) == ...` lines (literal
    arguments only); ValueError when a line is not one."""
    cases = []
    for line in (line.strip() for line in text.splitlines()):
        if not line.startswith("assert "):
            continue
        node = ast.parse(line).body[0].test
        call = node.left if isinstance(node, ast.Compare) else node
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                and call.func.attr == method and not call.keywords):  # fmt: skip
            raise ValueError(f"not a call of {method}: {line[:80]!r}")
        cases.append([ast.literal_eval(argument) for argument in call.args])
    return cases


@functools.cache
def _fixed_cases(path: str) -> dict[str, list[list[Any]]]:
    file = Path(path)
    return json.loads(file.read_text(encoding="utf-8")) if file.is_file() else {}


def source_generator(
    generator_file: str, code: str = "", arity: int = 1, solution: str = "",
    returns_expected: bool = False,
) -> Callable[[Any, int, Any], tuple]:  # fmt: skip
    """codeeff's generate(level, case, rng) for an imported problem: a level with fixed
    cases (cases.json beside `generator_file`) returns them in turn; any other level
    calls the source's generate_test_case() from `code`, run with `rng` as `random`,
    after `solution` (EffiBench's generators call the canonical Solution for the
    expected output, which `returns_expected` drops from the end: codeeff's expert
    makes the expected outputs). With one argument, the generator returns it bare."""
    fixed = _fixed_cases(str(Path(generator_file).with_name(CASES_FILE)))
    compiled = compile(code, "<source generator>", "exec") if code else None
    solution_code = compile(solution, "<source solution>", "exec")  # compiled once, run per case

    def generate(level, case: int, rng) -> tuple:
        if level.name in fixed:
            cases = fixed[level.name]
            return tuple(cases[case % len(cases)])
        if compiled is None:
            raise ValueError(f"level {level.name} has neither fixed cases nor a generator")
        scope = rng_globals(rng)
        exec(_PRELUDE_CODE, scope)
        exec(solution_code, scope)
        exec(compiled, scope)
        drawn = scope[GENERATOR_FUNCTION]()
        if returns_expected:
            return tuple(drawn[:-1])
        return (drawn,) if arity == 1 else tuple(drawn)

    return generate


def source_checker(code: str, function: str) -> Callable[[tuple, Any, Any], bool]:
    """codeeff's check(args, expected, actual) from a source's own comparison
    `function(inputs, outputs, expected)` in `code` (Mercury's evaluate_offline); False,
    never an exception, on an answer it cannot compare."""
    scope: dict[str, Any] = {}
    exec(_PRELUDE_CODE, scope)
    exec(compile(code, "<source checker>", "exec"), scope)
    compare = scope[function]

    def check(args: tuple, expected: Any, actual: Any) -> bool:
        try:
            return bool(compare(list(args), actual, expected))
        except Exception:
            return False

    return check


def uses_nodes(*texts: str) -> bool:
    return any(name in text for text in texts for name in NODE_TYPES)
