"""Code extraction from a model's answer: fenced blocks, bare code, reasoning around it.

Models wrap code in markdown fences with or without a language tag, put several blocks
(examples, tests, the answer) in one reply, think aloud before answering, or answer
with bare code. The rule: drop reasoning sections, prefer the fenced block that defines
the entry point (the last such, as models refine), else any Python block, else the
longest stretch of lines that parses as Python. A reply cut off mid-block still yields
its code, with an error saying it does not parse.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

FENCE = re.compile(r"^[ \t]*(```|~~~)[ \t]*([\w+#.-]*)[^\n]*\n(.*?)(?:^[ \t]*\1[ \t]*$|\Z)",
                   re.MULTILINE | re.DOTALL)  # fmt: skip
REASONING = re.compile(r"<(think|thinking|reasoning)>.*?(</\1>|\Z)", re.DOTALL | re.IGNORECASE)
PYTHON_TAGS = {"", "python", "python3", "py", "py3"}
CODE_START = re.compile(r"^(def |async def |class |import |from \w|@\w)")


@dataclass(frozen=True)
class Extraction:
    code: str
    error: str = ""  # empty when the code parses and defines the entry point


def _parses(code: str) -> bool:
    try:
        ast.parse(code)
        return True
    except (SyntaxError, ValueError):
        return False


def _defines(code: str, entry_point: str) -> bool:
    """Whether code defines the entry point's function (the method, for Class.method)."""
    name = re.escape(entry_point.rpartition(".")[2])
    return re.search(rf"^\s*(async\s+)?def\s+{name}\s*\(", code, re.M) is not None


def _bare_code(text: str) -> str:
    """The longest run of lines from a code-looking start that parses as Python."""
    lines = text.splitlines()
    best = ""
    for start, line in enumerate(lines):
        if not CODE_START.match(line):
            continue
        for end in range(len(lines), start, -1):
            candidate = "\n".join(lines[start:end]).strip("\n") + "\n"
            if len(candidate) <= len(best):
                break
            if _parses(candidate):
                best = candidate
                break
    return best


def extract_code(reply: str, entry_point: str | None) -> Extraction:
    """The solution code in a model's reply, and why it may not be usable. Without an
    entry point (a whole program) the longest Python block is the program."""
    text = REASONING.sub("", reply or "")
    blocks = [(tag.lower(), body) for _, tag, body in FENCE.findall(text)]
    python_blocks = [body for tag, body in blocks if tag in PYTHON_TAGS]
    defining = [body for body in python_blocks if entry_point and _defines(body, entry_point)]
    if defining:
        code = defining[-1]
    elif python_blocks:
        code = max(python_blocks, key=len)
    else:
        code = _bare_code(text) or text.strip()
    code = code.strip("\n") + "\n"
    if not code.strip():
        return Extraction("", "the reply contains no code")
    if not _parses(code):
        return Extraction(code, "the extracted code does not parse (truncated or garbled reply?)")
    if entry_point and not _defines(code, entry_point):
        return Extraction(code, f"the extracted code does not define {entry_point}()")
    return Extraction(code)
