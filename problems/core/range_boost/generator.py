"""Inputs for range_boost: range lengths spread over every scale (from one cell
to the whole array), additions of either sign, and queries interleaved."""

import random

BIG = 10**9

EDGE_CASES = [
    (1, []),
    (1, [("max", 0, 0)]),
    (1, [("add", 0, 0, -BIG), ("max", 0, 0), ("add", 0, 0, BIG), ("max", 0, 0)]),
    (3, [("max", 0, 2), ("add", 0, 2, 5), ("max", 1, 1), ("max", 0, 2)]),
    (4, [("add", 0, 3, -1), ("add", 1, 2, -1), ("max", 1, 2), ("max", 0, 3)]),
    (5, [("add", 0, 0, BIG), ("add", 4, 4, BIG), ("max", 1, 3), ("max", 3, 4)]),
    (6, [("add", 0, 5, 2), ("add", 0, 2, -3), ("add", 3, 5, -3), ("max", 0, 5)]),
    (8, [("add", 2, 5, 7), ("add", 3, 4, 7), ("add", 0, 7, -7), ("max", 5, 7), ("max", 2, 3)]),
]


def _span(n: int, rng: random.Random) -> tuple[int, int]:
    if rng.random() < 0.05:
        return 0, n - 1
    length = min(n, int(2 ** rng.uniform(0, n.bit_length())))
    left = rng.randint(0, n - length)
    return left, left + length - 1


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        n, ops = EDGE_CASES[case]
        return (n, list(ops))
    n, m = level.params["n"], level.params["m"]
    if level.index <= 0:
        n = rng.randint(1, n)
        m = rng.randint(0, m)
    spread = rng.choice((10, BIG)) if level.index <= 0 else BIG
    ops: list[tuple] = []
    for _ in range(m):
        left, right = _span(n, rng)
        if rng.random() < 0.5:
            ops.append(("add", left, right, rng.randint(-spread, spread)))
        else:
            ops.append(("max", left, right))
    return (n, ops)
