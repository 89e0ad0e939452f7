"""Inputs for distance_total: points spread uniformly over a square of random size,
in clusters, on a few lines (many equal coordinates), or stacked on a small lattice
(many coinciding points), with coordinates of both signs up to the bounds."""

import random

LIMIT = 10**9

EDGE_CASES = [
    [],
    [(0, 0)],
    [(3, -4), (3, -4)],
    [(7, 7), (7, 7), (7, 7), (7, 7)],
    [(-LIMIT, -LIMIT), (LIMIT, LIMIT)],
    [(-LIMIT, LIMIT), (LIMIT, -LIMIT), (LIMIT, LIMIT), (-LIMIT, -LIMIT)],
    [(0, 0), (1, 0), (2, 0), (3, 0)],
    [(5, -1), (5, 2), (5, 10)],
    [(0, 0), (2, 1), (-1, 3)],
    [(LIMIT, LIMIT)] * 3 + [(-LIMIT, -LIMIT)] * 3,
]


def _clip(v: int) -> int:
    return -LIMIT if v < -LIMIT else LIMIT if v > LIMIT else v


def _points(n: int, rng: random.Random) -> list[tuple[int, int]]:
    mode = rng.randrange(4)
    if mode == 0:  # uniform over a square
        side = rng.choice((10, 1000, 10**6, LIMIT))
        return [(rng.randint(-side, side), rng.randint(-side, side)) for _ in range(n)]
    if mode == 1:  # clusters
        centres = [(rng.randint(-LIMIT, LIMIT), rng.randint(-LIMIT, LIMIT)) for _ in range(20)]
        spread = rng.choice((10, 10**4, 10**7))
        out = []
        for _ in range(n):
            cx, cy = rng.choice(centres)
            out.append(
                (_clip(cx + rng.randint(-spread, spread)), _clip(cy + rng.randint(-spread, spread)))
            )
        return out
    if mode == 2:  # a few vertical and horizontal lines
        xs = [rng.randint(-LIMIT, LIMIT) for _ in range(rng.randint(1, 8))]
        ys = [rng.randint(-LIMIT, LIMIT) for _ in range(rng.randint(1, 8))]
        out = []
        for _ in range(n):
            if rng.random() < 0.5:
                out.append((rng.choice(xs), rng.randint(-LIMIT, LIMIT)))
            else:
                out.append((rng.randint(-LIMIT, LIMIT), rng.choice(ys)))
        return out
    # a small lattice, scaled: many points coincide
    step = rng.choice((1, 1000, 10**7))
    size = rng.randint(2, 60)
    return [(step * rng.randint(-size, size), step * rng.randint(-size, size)) for _ in range(n)]


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        return (list(EDGE_CASES[case]),)
    n = level.params["n"]
    if level.index <= 0:
        n = rng.randint(0, n)
    return (_points(n, rng),)
