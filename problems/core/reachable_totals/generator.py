"""Inputs for reachable_totals: the weights are drawn from a pool of about n / 3
values, so values repeat (some many times), and the pool is drawn so that the
reachable totals keep gaps: all values sharing a factor but a few, values of one
parity plus a few odd ones, or values spread over a range (never 1), with a few
values above cap."""

import random

EDGE_CASES = [
    ([], 0),
    ([], 7),
    ([4], 0),
    ([4], 3),
    ([4], 4),
    ([1], 10**5),
    ([7, 7, 7, 7], 21),
    ([7, 7, 7, 7], 100),
    ([10**6, 10**6], 10**5),
    ([2, 4, 6, 8, 10], 31),
    ([1, 1, 1, 1, 1, 1, 1, 1], 5),
    ([3, 10**6, 5, 250_000, 1], 250_000),
]


def _pool(size: int, cap: int, rng: random.Random) -> list[int]:
    mode = rng.randrange(3)
    if mode == 0:  # a common factor, with a few values off it
        factor = rng.randint(2, 12)
        top = max(1, cap // (2 * factor))
        pool = [factor * rng.randint(1, top) for _ in range(size)]
        for _ in range(rng.randint(1, 3)):
            pool[rng.randrange(size)] = rng.randint(2, max(2, cap // 2))
    elif mode == 1:  # large values, spread
        pool = [rng.randint(max(2, cap // 100), max(2, cap // 2)) for _ in range(size)]
    else:  # small and large values
        pool = [rng.randint(2, max(2, int(cap ** rng.uniform(0.8, 1.0)))) for _ in range(size)]
    for _ in range(size // 10):
        pool[rng.randrange(size)] = rng.randint(cap + 1, max(cap + 1, min(10**6, 4 * cap)))
    return pool


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        weights, cap = EDGE_CASES[case]
        return (list(weights), cap)
    n, cap = level.params["n"], level.params["cap"]
    if level.index <= 0:
        n = rng.randint(0, n)
        cap = rng.randint(0, cap)
        if rng.random() < 0.3:
            top = rng.choice((3, 20, 10**6))
            return ([rng.randint(1, top) for _ in range(n)], cap)
    else:
        cap = rng.randint(cap * 9 // 10, cap)
    if n == 0:
        return ([], cap)
    pool = _pool(max(1, n // 3), cap, rng)
    return ([rng.choice(pool) for _ in range(n)], cap)
