"""Inputs for shelf_minimums: a mix of assignments and minimum queries whose
ranges are mostly wide (a scan of the range is costly), some short and some
single positions; assignments sometimes drop a new minimum into the shelf."""

import random

EDGE_CASES = [
    ([], []),
    ([7], []),
    ([7], [("min", 0, 0)]),
    ([-3], [("set", 0, 4), ("min", 0, 0), ("set", 0, -(10**9)), ("min", 0, 0)]),
    ([4, 4, 4, 4, 4], [("min", 0, 4), ("min", 2, 3), ("set", 2, 4), ("min", 1, 2)]),
    ([10**9, -(10**9), 10**9], [("min", 0, 0), ("min", 0, 2), ("set", 1, 10**9), ("min", 0, 2)]),
    ([1, 2, 3, 4, 5, 6], [("set", 5, 0), ("set", 0, 9), ("set", 3, 3)]),
    ([6, 5, 4, 3, 2, 1], [("min", 0, 5), ("min", 0, 4), ("min", 0, 0), ("min", 5, 5)]),
]


def _operations(rng: random.Random, n: int, q: int, spread: int) -> list[tuple]:
    ops: list[tuple] = []
    for _ in range(q):
        if rng.random() < 0.45:
            # Occasionally a value far below the rest, so the minimum moves.
            if rng.random() < 0.1:
                v = rng.randint(-spread, -spread + max(1, spread // 100))
            else:
                v = rng.randint(-spread, spread)
            ops.append(("set", rng.randrange(n), v))
            continue
        kind = rng.random()
        if kind < 0.7:
            length = rng.randint(n // 2, n) if n > 1 else 1
        elif kind < 0.9:
            length = rng.randint(1, n)
        else:
            length = rng.randint(1, min(n, 8))
        lo = rng.randint(0, n - length)
        ops.append(("min", lo, lo + length - 1))
    return ops


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        values, ops = EDGE_CASES[case]
        return (list(values), list(ops))
    p = level.params
    n, q, spread = p["n"], p["q"], p["value_range"]
    if level.index <= 0:
        n = rng.randint(0, n) if rng.random() < 0.1 else rng.randint(1, n)
        q = rng.randint(0, q)
        if rng.random() < 0.2:
            spread = 2
    values = [rng.randint(-spread, spread) for _ in range(n)]
    ops = _operations(rng, n, q, spread) if n else []
    return (values, ops)
