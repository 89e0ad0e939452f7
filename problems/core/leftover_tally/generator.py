"""Inputs for leftover_tally: a huge number of sweets and a largest group
size around it (below or above), so that visiting every group size is out of
the question."""

import random

EDGE_CASES = [
    (1, 1),
    (1, 5),
    (7, 1),
    (2, 2),
    (16, 16),
    (15, 4),
    (36, 100),
    (6 * 10**11, 1),
]


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        return EDGE_CASES[case]
    top = level.params["n"]
    if level.index <= 0:
        sweets = rng.randint(1, top)
        if rng.random() < 0.3:
            sweets = rng.randint(1, 30) ** 2 - rng.randint(0, 1)  # near squares
            sweets = max(1, sweets)
        max_group = rng.randint(1, 2 * top)
        return (sweets, max_group)
    sweets = rng.randint(top // 2, top)
    if case % 2 == 0:
        max_group = rng.randint(sweets // 3, sweets)
    else:
        max_group = rng.randint(sweets + 1, 3 * sweets)
    return (sweets, max_group)
