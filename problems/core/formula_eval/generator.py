"""Inputs for formula_eval: long expressions (thousands of tokens) mixing wide sums,
short products, unary minus chains and parenthesised groups nested up to 50 deep.
Python's own parser accepts them as well: every chain of operators is kept short
enough that its syntax tree stays far from CPython's compile-time recursion limit."""

import random

MAX_DEPTH = 50  # parentheses
MAX_CHARS = 80_000  # per expression (the bound the prompt states)
TREE_ROOM = 600  # a bound on the depth of the syntax tree (left-nested operator chains)

EDGE_CASES = [
    [],
    ["0"],
    ["  7 "],
    ["-5", "--5", "- - -5"],
    ["1+2*3", "(1+2)*3", "1 - 2 - 3", "2*3*4-5*6"],
    ["2*-3", "10-(-(4))", "-(2+3)*-(4-6)", "0*(99999-1)"],
    ["((((((((9))))))))", "(" * 50 + "1+2" + ")" * 50],
    ["99999*99999*99999*99999*99999", "-99999*99999-99999"],
    ["3 - -3", "3--3", "3-(-3)", "( 3 )-( 3 )"],
]

WIDTHS = {
    "wide": (2, 4, 8, 30, 60),
    "deep": (1, 1, 1, 2, 3),
    "mixed": (1, 2, 3, 8, 30),
}


def _literal(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.08:
        return "0"
    if roll < 0.6:
        return str(rng.randint(1, 99))
    return str(rng.randint(1, 99_999))


class _Writer:
    def __init__(self, rng: random.Random, widths: tuple, spaces: float):
        self.rng = rng
        self.widths = widths
        self.spaces = spaces
        self.out: list[str] = []

    def space(self) -> None:
        if self.rng.random() < self.spaces:
            self.out.append(" " * self.rng.randint(1, 2))

    def literal_factor(self) -> None:
        if self.rng.random() < 0.08:
            for _ in range(self.rng.randint(1, 3)):
                self.out.append("-")
                self.space()
        self.out.append(_literal(self.rng))

    def expression(self, budget: int, depth: int, room: int) -> None:
        """About `budget` literals; `room` is the syntax-tree depth still allowed."""
        rng = self.rng
        k = max(1, min(rng.choice(self.widths), budget, room // 3))
        shares = [1] * k
        for _ in range(budget - k):
            shares[rng.randrange(k)] += 1
        for i, share in enumerate(shares):
            if i:
                self.space()
                self.out.append("+" if rng.random() < 0.55 else "-")
                self.space()
            self.term(share, depth, room - (k - i) - 4)

    def term(self, budget: int, depth: int, room: int) -> None:
        rng = self.rng
        factors = rng.choice((1, 1, 2, 3))
        can_nest = depth < MAX_DEPTH and room > 12
        group_at = rng.randrange(factors) if can_nest and budget > factors else -1
        for j in range(factors):
            if j:
                self.space()
                self.out.append("*")
                self.space()
            if j == group_at:
                self.group(budget - (factors - 1), depth, room - factors - 2)
            elif can_nest and rng.random() < 0.15:  # a small group such as (-7)
                self.group(1, depth, room - factors - 2)
            else:
                self.literal_factor()

    def group(self, budget: int, depth: int, room: int) -> None:
        if self.rng.random() < 0.1:
            self.out.append("-")
        self.out.append("(")
        self.space()
        self.expression(budget, depth + 1, room)
        self.space()
        self.out.append(")")


def expression(budget: int, rng: random.Random) -> str:
    while True:
        shape = rng.choice(tuple(WIDTHS))
        writer = _Writer(rng, WIDTHS[shape], rng.choice((0.0, 0.1, 0.4)))
        writer.space()
        writer.expression(budget, 0, TREE_ROOM)
        writer.space()
        text = "".join(writer.out)
        if len(text) <= MAX_CHARS:
            return text


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        return (list(EDGE_CASES[case]),)
    count, budget = level.params["count"], level.params["budget"]
    if level.index <= 0:
        count = rng.randint(0, count)
        return ([expression(rng.randint(1, budget), rng) for _ in range(count)],)
    return ([expression(rng.randint(budget * 3 // 4, budget), rng) for _ in range(count)],)
