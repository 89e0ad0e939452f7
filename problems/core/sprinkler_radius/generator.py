"""Inputs for sprinkler_radius: beds cluster in uneven groups (with some
duplicates), and the number of sprinklers ranges from a few to many."""

import random

EDGE_CASES = [
    ([], 1),
    ([5], 1),
    ([1, 10], 1),
    ([1, 10], 2),
    ([3, 3, 3], 1),
    ([0, 10**9], 1),
    ([0, 10**9], 5),
    ([9, 1, 5, 3, 7], 2),
    ([0, 2, 4, 6, 8, 10], 3),
]


def _positions(n: int, span: int, rng: random.Random) -> list[int]:
    if n == 0:
        return []
    clusters = rng.randint(1, max(1, n // rng.randint(2, 20)))
    width = max(1, span // (clusters * rng.randint(2, 8)))
    centres = [rng.randint(0, span) for _ in range(clusters)]
    out = []
    for _ in range(n):
        c = rng.choice(centres)
        out.append(min(span, max(0, c + rng.randint(-width, width))))
    if rng.random() < 0.3:
        # A few exact duplicates.
        for _ in range(n // 10 + 1):
            out[rng.randrange(n)] = out[rng.randrange(n)]
    rng.shuffle(out)
    return out


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        beds, k = EDGE_CASES[case]
        return (list(beds), k)
    p = level.params
    n, span, k = p["n"], p["span"], p["k"]
    if level.index <= 0:
        n = rng.randint(0, n) if rng.random() < 0.2 else rng.randint(n // 2, n)
        span = rng.randint(0, span)
        k = rng.randint(1, k if rng.random() < 0.2 else max(1, min(k, n // 2)))
        if rng.random() < 0.5:
            return ([rng.randint(0, span) for _ in range(n)], k)
    else:
        k = rng.randint(k // 2, k)
    return (_positions(n, span, rng), k)
