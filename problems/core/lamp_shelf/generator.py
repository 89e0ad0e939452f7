"""Inputs for lamp_shelf: many requests, mostly with k near the largest
feasible value so the counts are large."""

import random

EDGE_CASES = [
    [],
    [[0, 0]],
    [[1, 0], [1, 1]],
    [[2, 1], [2, 2]],
    [[3, 2], [4, 2], [5, 3], [5, 2]],
    [[6, 4], [7, 4], [7, 3], [8, 0]],
    [[50000, 25000], [49999, 25000], [50000, 25001]],
    [[50000, 1], [50000, 0], [50000, 50000], [43210, 21605]],
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
            # Feasible and mostly non-trivial: k up to (n + 1) // 2.
            k = int(rand() * ((n + 1) // 2 + 1))
        elif roll < 0.85:
            k = int(rand() * (n + 1))
        else:
            k = max(0, min(n, (n + 1) // 2 + int(rand() * 5) - 2))
        out.append([n, k])
    return (out,)
