"""Inputs for help_desk: demand alternates between quiet and rush phases, so
queues build up and drain repeatedly and many clerks are in use at once."""

import random

EDGE_CASES = [
    (1, []),
    (3, []),
    (1, [(0, 1)]),
    (1, [(0, 5), (0, 5), (0, 5)]),
    (3, [(7, 2), (7, 2), (7, 2), (7, 2)]),
    (2, [(0, 3), (3, 1), (3, 1)]),
    (2, [(10**9, 10**6), (10**9, 10**6), (10**9, 1)]),
    (4, [(0, 4), (1, 3), (2, 2), (3, 1), (4, 1), (4, 1)]),
    (100_000, [(5, 1), (5, 1), (6, 1)]),
]


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        clerks, visitors = EDGE_CASES[case]
        return (clerks, list(visitors))
    p = level.params
    n, clerks, gap = p["n"], p["clerks"], p["gap"]
    if level.index <= 0:
        n = rng.randint(0, n) if rng.random() < 0.2 else rng.randint(n // 2, n)
        clerks = rng.randint(1, clerks)
    # Mean service time chosen so that the load hovers around the capacity.
    mean = max(1, min(400_000, clerks * gap))
    t = rng.randint(0, 1000)
    visitors = []
    while len(visitors) < n:
        load = rng.choice((0.5, 0.8, 1.0, 1.2, 1.5))
        span = max(1, int(mean * load))
        for _ in range(rng.randint(1, max(1, n // 8))):
            t += rng.randint(0, 2 * gap)
            visitors.append((t, rng.randint(1, min(10**6, 2 * span))))
    del visitors[n:]
    return (clerks, visitors)
