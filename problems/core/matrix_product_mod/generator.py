"""Inputs for matrix_product_mod: mostly primes just below 2**31, where every
product of two entries exceeds 2**60 and a row of such products overflows
64-bit integers, and some smaller primes; entries uniform, or drawn near 0
and near p - 1, with some sparse or structured rows."""

import random

BIG_PRIMES = [2**31 - 1, 2147483629, 2147483587, 2147483579, 2147483563, 2147483549]
SMALL_PRIMES = [2, 3, 5, 7, 13, 257, 65521, 65537, 998244353, 1000000007]

EDGE_CASES = [
    ([], [], 2),
    ([[0]], [[0]], 2),
    ([[1]], [[1]], 2),
    ([[2**31 - 2]], [[2**31 - 2]], 2**31 - 1),
    ([[1, 0], [0, 1]], [[3, 4], [5, 6]], 7),
    ([[3, 4], [5, 6]], [[1, 0], [0, 1]], 7),
    ([[1, 2], [3, 4]], [[5, 6], [7, 8]], 11),
    ([[6] * 3] * 3, [[6] * 3] * 3, 7),
    ([[2**31 - 2] * 4] * 4, [[2**31 - 2] * 4] * 4, 2**31 - 1),
    ([[1, 1], [1, 1]], [[1, 1], [1, 1]], 2),
]


def _entry(style: int, p: int, rng: random.Random) -> int:
    if style == 0:
        return rng.randrange(p)
    if style == 1:  # near 0 or near p - 1
        near = rng.randrange(min(4, p))
        return near if rng.random() < 0.5 else p - 1 - near
    return rng.randrange(p) if rng.random() < 0.1 else 0  # sparse


def _matrix(n: int, p: int, rng: random.Random) -> list[list[int]]:
    rows = []
    for _ in range(n):
        style = rng.choices((0, 1, 2), (0.8, 0.1, 0.1))[0]
        if style == 0:
            rows.append([rng.randrange(p) for _ in range(n)])
        else:
            rows.append([_entry(style, p, rng) for _ in range(n)])
    return rows


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        a, b, p = EDGE_CASES[case]
        return ([list(row) for row in a], [list(row) for row in b], p)
    n = level.params["n"]
    if level.index <= 0:
        n = rng.randint(0, n)
    p = rng.choice(BIG_PRIMES) if rng.random() < 0.75 else rng.choice(SMALL_PRIMES)
    if level.index > 0:
        p = rng.choice(BIG_PRIMES)
    return (_matrix(n, p, rng), _matrix(n, p, rng), p)
