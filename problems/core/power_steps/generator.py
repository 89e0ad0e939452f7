"""Inputs for power_steps: matrices of sizes 1..6 (mostly the larger ones), huge
exponents, and moduli from 1 to 10**9 + 7, with some structured matrices (sparse,
triangular, permutations) whose powers are not uniformly random."""

import random

EDGE_CASES = [
    [],
    [([[7]], 0, 1)],
    [([[0, 0], [0, 0]], 0, 10)],
    [([[-3, 5], [7, -(10**9)]], 1, 10**9 + 7)],
    [([[2, 3, 4], [5, 6, 7], [8, 9, 10]], 10**18, 1)],
    [([[0, 1, 0], [0, 0, 1], [0, 0, 0]], 10**18, 97)],
    [([[1 if i == j else 0 for j in range(6)] for i in range(6)], 10**18, 10**9 + 7)],
    [([[-(10**9)] * 6 for _ in range(6)], 10**18, 10**9 + 7)],
    [([[10**9]], 10**18, 10**9 + 7), ([[3]], 2, 10)],
    [([[1, 1], [1, 0]], 90, 2**30), ([[0, 1], [1, 0]], 10**18 - 1, 5)],
]


def _matrix(n: int, m: int, rng: random.Random) -> list[list[int]]:
    shape = rng.random()
    if shape < 0.6:
        bound = rng.choice((10**9, m, 10))
        return [[rng.randint(-bound, bound) for _ in range(n)] for _ in range(n)]
    if shape < 0.75:  # sparse
        return [[rng.randint(-(10**9), 10**9) if rng.random() < 0.3 else 0 for _ in range(n)]
                for _ in range(n)]  # fmt: skip
    if shape < 0.9:  # triangular, sometimes with a zero diagonal (nilpotent)
        diagonal = rng.random() < 0.5
        return [
            [rng.randint(0, 10**9) if j > i or (j == i and diagonal) else 0 for j in range(n)]
            for i in range(n)
        ]
    order = list(range(n))  # a permutation matrix
    rng.shuffle(order)
    return [[int(j == order[i]) for j in range(n)] for i in range(n)]


def _query(rng: random.Random) -> tuple:
    n = rng.choices(range(1, 7), weights=(1, 2, 2, 3, 3, 3))[0]
    roll = rng.random()
    if roll < 0.45:
        m = rng.randint(1, 10**9 + 7)
    elif roll < 0.85:
        m = rng.choice((10**9 + 7, 998_244_353, 10**9, 2**30, 10**9 + 6))
    else:
        m = rng.randint(1, 20)
    roll = rng.random()
    if roll < 0.75:
        e = rng.randint(0, 10**18)
    elif roll < 0.85:
        e = rng.choice((10**18, 2**59 - 1, 2**59))
    else:
        e = rng.getrandbits(rng.randint(1, 59))
    return (_matrix(n, m, rng), e, m)


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        queries = [([list(row) for row in matrix], e, m) for matrix, e, m in EDGE_CASES[case]]
        return (queries,)
    q = level.params["q"]
    if level.index <= 0:
        q = rng.randint(1, q)
    return ([_query(rng) for _ in range(q)],)
