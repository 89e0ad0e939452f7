"""Inputs for longest_climb: uniform values, values from a narrow range (many
repeats, which must not count as climbing), noisy upward or downward trends, and
sequences built from interleaved runs, so that answers range from a few to most of
the list."""

import random

EDGE_CASES = [
    [],
    [42],
    [5, 5, 5, 5, 5],
    [1, 2, 3, 4, 5, 6],
    [6, 5, 4, 3, 2, 1],
    [-(10**9), 10**9],
    [10**9, -(10**9)],
    [1, 1, 2, 2, 3, 3],
    [3, 1, 2, 1, 2, 3, 0],
    [0, 8, 4, 12, 2, 10, 6, 14, 1, 9],
]


def _values(n: int, rng: random.Random) -> list[int]:
    mode = rng.randrange(5)
    if mode == 0:
        return [rng.randint(-(10**9), 10**9) for _ in range(n)]
    if mode == 1:
        top = rng.choice((100, 1000, 10_000))
        return [rng.randint(0, top) for _ in range(n)]
    if mode in (2, 3):  # a trend plus noise
        step = rng.choice((1, 5, 100))
        noise = step * rng.choice((20, 200, 2000))
        slope = step if mode == 2 else -step
        return [max(-(10**9), min(10**9, slope * i + rng.randint(-noise, noise))) for i in range(n)]
    # interleaved increasing runs
    runs = rng.randint(2, 50)
    starts = [rng.randint(-(10**8), 10**8) for _ in range(runs)]
    out = []
    for _ in range(n):
        r = rng.randrange(runs)
        starts[r] += rng.randint(0, 1000)
        out.append(starts[r])
    return out


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        return (list(EDGE_CASES[case]),)
    n = level.params["n"]
    if level.index <= 0:
        n = rng.randint(0, n)
        if rng.random() < 0.4:
            return ([rng.randint(-3, 3) for _ in range(n)],)
    return (_values(n, rng),)
