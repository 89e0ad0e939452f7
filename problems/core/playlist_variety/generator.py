"""Inputs for playlist_variety: songs come in runs drawn from a small pool of
genres, and `limit` sits just under the pool size, so the qualifying segments are
long (hundreds to thousands of songs) and the answers are large."""

import random

EDGE_CASES = [
    ([], 0),
    ([], 3),
    ([5], 0),
    ([5], 1),
    ([2, 2, 2, 2], 1),
    ([1, 2, 3], 5),
    ([1, 2, 1, 2, 3], 2),
    ([7, 8, 9, 7, 8, 9], 1),
    ([999_999_999, 0, 999_999_999, 0], 1),
]


def _runs(n: int, pool: list[int], run: int, rng: random.Random) -> list[int]:
    out: list[int] = []
    while len(out) < n:
        out.extend([rng.choice(pool)] * rng.randint(1, 2 * run - 1))
    del out[n:]
    return out


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        genres, limit = EDGE_CASES[case]
        return (list(genres), limit)
    n = level.params["n"]
    size = level.params["pool"]
    run = level.params["run"]
    if level.index <= 0:
        n = rng.randint(0, n) if rng.random() < 0.2 else rng.randint(n // 2, n)
        size = rng.randint(1, size)
        run = rng.randint(1, run)
    pool = rng.sample(range(10**9), size)
    genres = _runs(n, pool, run, rng)
    if level.index <= 0:
        roll = rng.random()
        if roll < 0.05:
            limit = 0
        elif roll < 0.35:
            limit = rng.randint(1, size + 1)
        else:
            limit = rng.randint(1, max(1, size - 1))
    else:
        # Just below the pool size: windows stay long but the limit still bites.
        limit = size - rng.randint(1, 3)
    return (genres, limit)
