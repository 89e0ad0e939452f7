"""Inputs for festival_coverage: many acts that merge into many separate blocks
(plus some long and nested ones), and wide windows spanning many blocks."""

import random

EDGE_CASES = [
    ([], []),
    ([], [(0, 5)]),
    ([(3, 3)], [(3, 3), (0, 2), (4, 9)]),
    ([(0, 10**9)], [(0, 10**9), (5, 5)]),
    ([(1, 2), (3, 4)], [(0, 10), (2, 3)]),
    ([(1, 5), (1, 5), (2, 3)], [(1, 5), (0, 1), (5, 6)]),
    ([(5, 9), (0, 2), (8, 12), (1, 1)], [(0, 12), (3, 4), (2, 8)]),
    ([(0, 0), (10**9, 10**9)], [(0, 10**9), (1, 10**9 - 1)]),
]


def _span(horizon: int, length: int, rng: random.Random) -> tuple[int, int]:
    length = min(length, horizon)
    start = rng.randint(0, horizon - length)
    return (start, start + length)


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        acts, windows = EDGE_CASES[case]
        return (list(acts), list(windows))
    p = level.params
    n, q, horizon = p["acts"], p["windows"], p["horizon"]
    if level.index <= 0:
        n = rng.randint(0, n) if rng.random() < 0.2 else rng.randint(1, n)
        q = rng.randint(0, q) if rng.random() < 0.2 else rng.randint(1, q)
    # Typical act length: a fraction of the average spacing, so blocks stay
    # numerous; a few acts are much longer.
    typical = max(1, horizon // max(1, n) * rng.randint(2, 5) // 4)
    acts = []
    for _ in range(n):
        if rng.random() < 0.003:
            length = rng.randint(0, horizon // 500)
        else:
            length = rng.randint(0, typical)
        acts.append(_span(horizon, length, rng))
    windows = []
    for _ in range(q):
        if rng.random() < 0.15:
            windows.append(_span(horizon, rng.randint(0, max(0, typical * 2)), rng))
        else:
            windows.append(_span(horizon, rng.randint(horizon // 4, horizon), rng))
    return (acts, windows)
