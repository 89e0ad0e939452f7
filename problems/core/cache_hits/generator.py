"""Inputs for cache_hits: a request stream with locality. Each request repeats
a recent one (its distance back drawn around the capacity, so some repeats
hit and some come too late) or asks for a fresh key; hot phases repeat a few
keys many times."""

import random

BIG = 10**9

EDGE_CASES = [
    (1, []),
    (1, [5]),
    (1, [5, 5, 5, 5]),
    (1, [1, 2, 1, 2, 2]),
    (3, [7, 7, 7, 7, 7, 7]),
    (100_000, [4, 8, 15, 16, 23, 42, 4, 8]),
    (2, [-BIG, BIG, 0, BIG, -BIG, 0]),
    (3, [1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5]),
    (2, [0, 1, 0, 2, 0, 3, 0, 1]),
]


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        capacity, keys = EDGE_CASES[case]
        return (capacity, list(keys))
    p = level.params
    n, capacity, reuse = p["n"], p["capacity"], p["reuse"]
    if level.index <= 0:
        n = rng.randint(0, n)
        capacity = rng.randint(1, capacity)
        reuse = rng.random()
    spread = rng.choice((3 * capacity, BIG)) if level.index <= 0 else BIG
    keys: list[int] = []
    for i in range(n):
        roll = rng.random()
        if i and roll < 0.01:
            # A short hot phase: a handful of keys requested over and over.
            pool = [keys[rng.randrange(i)] for _ in range(rng.randint(1, 4))]
            keys.extend(rng.choice(pool) for _ in range(rng.randint(1, 20)))
            if len(keys) >= n:
                break
        elif i and roll < reuse:
            back = 1 + int(rng.expovariate(1.0 / capacity))
            keys.append(keys[max(0, len(keys) - back)])
        else:
            keys.append(rng.randint(-spread, spread))
    del keys[n:]
    return (capacity, keys)
