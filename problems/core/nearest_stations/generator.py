"""Inputs for nearest_stations: stations spread uniformly, gathered in tight
clusters, crowded into a narrow vertical or horizontal band (many stations
share almost the same x or y), or on a jittered lattice. Positions are
distinct unless the coordinate range is tiny, so the answer is rarely 0."""

import random

EDGE_CASES = [
    [(0, 0), (0, 0)],
    [(-(10**9), -(10**9)), (10**9, 10**9)],
    [(10**9, -(10**9)), (-(10**9), 10**9), (10**9, 10**9)],
    [(5, 5), (5, 5), (5, 5), (5, 5)],
    [(0, 0), (0, 3), (0, 7), (0, 8), (0, 20)],
    [(4, 1), (1, 1), (9, 1), (6, 1)],
    [(0, 0), (3, 4), (6, 8), (1, 10), (-2, 6)],
    [(-3, 2), (2, -3), (0, 0), (10, 10), (-4, -4)],
]


def _clip(v: int, coord: int) -> int:
    return max(-coord, min(coord, v))


def _points(rng: random.Random, n: int, coord: int) -> list[tuple[int, int]]:
    mode = rng.randrange(5)
    if mode == 0:  # uniform
        return [(rng.randint(-coord, coord), rng.randint(-coord, coord)) for _ in range(n)]
    if mode == 1:  # clusters of very different sizes
        centers = [
            (
                rng.randint(-coord, coord),
                rng.randint(-coord, coord),
                rng.randint(1, coord // 20 + 1),
            )
            for _ in range(rng.randint(2, 12))
        ]
        pts = []
        for _ in range(n):
            cx, cy, r = rng.choice(centers)
            pts.append(
                (_clip(cx + int(rng.gauss(0, r)), coord), _clip(cy + int(rng.gauss(0, r)), coord))
            )
        return pts
    if mode in (2, 3):  # a narrow band, or a few of them
        width = rng.randint(0, max(0, coord // 10**4))
        bands = [rng.randint(-coord + width, coord - width) for _ in range(rng.randint(1, 3))]
        pts = []
        for _ in range(n):
            a = rng.choice(bands) + rng.randint(-width, width)
            b = rng.randint(-coord, coord)
            pts.append((a, b) if mode == 2 else (b, a))
        return pts
    # jittered lattice
    side = max(1, int(n**0.5))
    step = max(1, 2 * coord // (side + 1))
    jitter = rng.randint(0, step // 3)
    x0 = y0 = -coord
    pts = []
    for k in range(n):
        i, j = divmod(k, side)
        pts.append(
            (
                _clip(x0 + i * step + rng.randint(-jitter, jitter), coord),
                _clip(y0 + j * step + rng.randint(-jitter, jitter), coord),
            )
        )
    rng.shuffle(pts)
    return pts


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        return (list(EDGE_CASES[case]),)
    p = level.params
    n, coord = p["n"], p["coord"]
    if level.index <= 0:
        n = rng.randint(2, n)
    return (_points(rng, n, coord),)
