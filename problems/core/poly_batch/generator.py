"""Inputs for poly_batch: dense polynomials of the level's degree with coefficients of
both signs (some with a run of zero top coefficients, some sparse), evaluated at
points of every size, negative ones and multiples of the prime among them."""

import random

P = 1_000_000_007

EDGE_CASES = [
    ([], []),
    ([], [0, 5, -(10**18)]),
    ([7, 8, 9], []),
    ([-(10**9)], [0, 1, 10**18]),
    ([0, 0, 0, 0], [3, -3]),
    ([1, 1, 1, 1, 1, 1], [0, 1, -1, P, P - 1, -P]),
    ([10**9] * 9, [10**18, -(10**18), 2, P + 1]),
    ([-5, 0, 0, 0, 0, 0, 0, 1], [2, -2, 10**9, 10**9 + 6]),
]


def _point(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.5:
        return rng.randint(-(10**18), 10**18)
    if roll < 0.8:
        return rng.randint(-(P - 1), P - 1)
    if roll < 0.9:
        return rng.randint(-1000, 1000)
    return rng.randint(-(10**9), 10**9) * P + rng.choice((0, 1, -1))


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        coeffs, points = EDGE_CASES[case]
        return (list(coeffs), list(points))
    degree, count = level.params["degree"], level.params["points"]
    if level.index <= 0:
        degree = rng.randint(-1, degree)
        count = rng.randint(0, count)
    roll = rng.random()
    if roll < 0.7:
        coeffs = [rng.randint(-(10**9), 10**9) for _ in range(degree + 1)]
    elif roll < 0.85:  # sparse
        coeffs = [rng.randint(-(10**9), 10**9) if rng.random() < 0.1 else 0
                  for _ in range(degree + 1)]  # fmt: skip
    else:  # trailing zeros: the true degree is lower than the list's length
        top = rng.randint(0, degree + 1)
        coeffs = [rng.randint(-(10**9), 10**9) for _ in range(top)] + [0] * (degree + 1 - top)
    return (coeffs, [_point(rng) for _ in range(count)])
