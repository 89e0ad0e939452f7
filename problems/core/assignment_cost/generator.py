"""Inputs for assignment_cost: uniform costs over a narrow or a wide range (narrow
ranges give many ties), costs from distances between random points (where cheap
choices collide), and costs close to a product of worker and job factors (many
near-equal alternatives: the hardest kind, used for every even stress case);
sometimes negative."""

import random

EDGE_CASES = [
    [],
    [[7]],
    [[-(10**6)]],
    [[5, 5], [5, 5]],
    [[1, 2], [2, 1]],
    [[1, 2], [1, 2]],
    [[10**6] * 3 for _ in range(3)],
    [[0, 10**6, 10**6], [10**6, 0, 10**6], [10**6, 10**6, 0]],
    [[i * j for j in range(5)] for i in range(5)],
    [[-3, 4, 0, 2], [1, -(10**6), 10**6, 0], [2, 2, 2, 2], [0, 0, -1, 9]],
]
LIMIT = 10**6


def _matrix(n: int, kind: str, rng: random.Random) -> list[list[int]]:
    if kind == "uniform":
        top = rng.choice((max(1, n // 4), 100, LIMIT))
        low = -top if rng.random() < 0.3 else 0
        return [[rng.randint(low, top) for _ in range(n)] for _ in range(n)]
    if kind == "points":
        workers = [(rng.random(), rng.random()) for _ in range(n)]
        jobs = [(rng.random(), rng.random()) for _ in range(n)]
        scale = rng.choice((1000, 700_000))
        return [
            [int(scale * ((x - a) ** 2 + (y - b) ** 2) ** 0.5) for a, b in jobs] for x, y in workers
        ]
    # kind == "product": near-rank-one costs, many near-equal alternatives.
    row_factor = [rng.randint(1, 900) for _ in range(n)]
    col_factor = [rng.randint(1, 900) for _ in range(n)]
    shift = rng.choice((0, -LIMIT // 2))
    return [[a * b + rng.randint(0, 50) + shift for b in col_factor] for a in row_factor]


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        return ([list(row) for row in EDGE_CASES[case]],)
    n = level.params["n"]
    if level.index <= 0:
        n = rng.randint(0, n)
    # Even cases are the hardest kind, so that every level has one hard case.
    kinds = ("uniform", "points", "product")
    kind = "product" if level.index > 0 and case % 2 == 0 else rng.choice(kinds)
    return (_matrix(n, kind, rng),)
