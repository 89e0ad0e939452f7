"""Inputs for crate_loads: crate weights built from a few base sizes (with a
little noise), so that the set of reachable totals stays irregular up to the
capacity instead of filling it completely."""

import random

EDGE_CASES = [
    ([], 10),
    ([4], 0),
    ([4], 4),
    ([5, 6], 4),
    ([1, 1, 1, 1], 10),
    ([3, 3, 3], 10),
    ([2, 4, 8, 16], 30),
    ([4_000_000], 2_000_000),
]


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        crates, capacity = EDGE_CASES[case]
        return (list(crates), capacity)
    n = level.params["n"]
    capacity = level.params["capacity"]
    if level.index <= 0:
        capacity = rng.randint(0, capacity)
        top = max(1, capacity // 2) if rng.random() < 0.7 else capacity + 5
        crates = [rng.randint(1, top) for _ in range(rng.randint(0, n))]
        return (crates, capacity)
    count = 3 if case % 2 == 0 else 5
    low, high = max(1, capacity // 300), max(2, capacity // 40)
    bases = [rng.randint(low, high) for _ in range(count)]
    crates = []
    for _ in range(n):
        weight = rng.choice(bases) * rng.randint(1, 4)
        if rng.random() < 0.08:
            weight += rng.randint(1, 3)
        if rng.random() < 0.02:
            weight = rng.randint(capacity + 1, 2 * capacity)  # never fits
        crates.append(weight)
    return (crates, capacity)
