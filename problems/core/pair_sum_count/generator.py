"""Inputs for pair_sum_count: many repeated values so that counts get large."""

import random

EDGE_CASES = [
    ([], 0),
    ([5], 10),
    ([2, 2], 4),
    ([0, 0, 0, 0], 0),
    ([-1, 1, -1, 1], 0),
    ([10**6, -(10**6)], 0),
]


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        values, target = EDGE_CASES[case]
        return (list(values), target)
    n = level.params["n"]
    spread = level.params["value_range"]
    values = [rng.randint(-spread, spread) for _ in range(n)]
    # Targets hit by many pairs most of the time, sometimes by none.
    if rng.random() < 0.8 and values:
        target = rng.choice(values) + rng.choice(values)
    else:
        target = rng.randint(-2 * spread, 2 * spread)
    return (values, target)
