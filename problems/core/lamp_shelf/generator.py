"""Inputs for lamp_shelf: many requests, mostly with the lamp total near the
largest feasible value so the counts are large."""

import random

EDGE_CASES = [
    [],
    [[0, 0, 0]],
    [[1, 0, 0], [1, 1, 0], [1, 0, 1]],
    [[2, 1, 0], [2, 1, 1], [2, 0, 2]],
    [[3, 1, 1], [4, 1, 1], [5, 2, 1], [5, 1, 1]],
    [[6, 4, 0], [7, 2, 2], [7, 0, 3], [8, 0, 0]],
    [[50000, 12500, 12500], [49999, 25000, 0], [50000, 12500, 12501]],
    [[50000, 1, 0], [50000, 0, 1], [50000, 50000, 0], [43210, 10000, 11605]],
]


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        return ([list(r) for r in EDGE_CASES[case]],)
    p = level.params
    top = p["n"]
    q = p["q"] if level.index > 0 else rng.randint(1, p["q"])
    rand = rng.random
    out = []
    for _ in range(q):
        n = int(rand() * (top + 1))
        roll = rand()
        if roll < 0.7:
            # Feasible and mostly non-trivial: up to (n + 1) // 2 lamps.
            k = int(rand() * ((n + 1) // 2 + 1))
        elif roll < 0.85:
            k = int(rand() * (n + 1))
        else:
            k = max(0, min(n, (n + 1) // 2 + int(rand() * 5) - 2))
        r = int(rand() * (k + 1))
        out.append([n, r, k - r])
    return (out,)
