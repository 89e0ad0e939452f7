"""Inputs for courier_checkpoints: long roads with a wide reach, so that
scanning the whole reachable window at every checkpoint is slow."""

import random

EDGE_CASES = [
    ([7], 1),
    ([7], 5),
    ([3, -4], 1),
    ([0, 0, 0, 0, 0], 2),
    ([5, 1, 1, 1, 5], 1),
    ([5, 9, 9, 9, 5], 4),
    ([-(10**9), 10**9, -(10**9), 10**9], 1),
    ([2, -3, -3, -3, 2], 3),
]


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        fees, reach = EDGE_CASES[case]
        return (list(fees), reach)
    n = level.params["n"]
    spread = level.params["value_range"]
    if level.index <= 0:
        n_here = rng.randint(1, n)
        low = -spread if rng.random() < 0.5 else 0
        fees = [rng.randint(low, spread) for _ in range(n_here)]
        reach = rng.randint(1, n_here + 1)
        return (fees, reach)
    if case % 2 == 0:
        # Mostly positive fees with rebates sprinkled in; wide reach.
        fees = [rng.randint(-spread // 20, spread) for _ in range(n)]
        reach = rng.randint(n // 40, n // 10)
    else:
        # Fees drifting upwards along the road: many good candidates stay
        # alive in the window at once.
        fees = [rng.randint(0, spread // 2) + (spread // 2) * i // n for i in range(n)]
        reach = rng.randint(n // 80, n // 20)
    return (fees, reach)
