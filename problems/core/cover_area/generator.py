"""Inputs for cover_area: rectangles of very different sizes (thin strips,
large blocks, small tiles) so that the union has many overlaps and holes;
corners sometimes snap to a shared set of coordinates."""

import random

EDGE_CASES = [
    [],
    [(0, 0, 0, 0)],
    [(3, 1, 3, 9), (2, 5, 8, 5)],
    [(1, 2, 4, 6)],
    [(1, 1, 5, 5), (1, 1, 5, 5), (1, 1, 5, 5)],
    [(0, 0, 10**9, 10**9), (0, 0, 10**9, 10**9)],
    [(0, 0, 2, 2), (2, 0, 4, 2), (0, 2, 2, 4), (2, 2, 4, 4)],
    [(0, 0, 10, 10), (2, 2, 8, 8), (4, 4, 6, 6)],
    [(0, 4, 10, 6), (4, 0, 6, 10)],
]


def _span(rng: random.Random, coord: int, shape: float) -> tuple[int, int]:
    if shape < 0.3:
        size = rng.randint(0, max(1, coord // 50))
    elif shape < 0.7:
        size = rng.randint(0, max(1, coord // 6))
    else:
        size = rng.randint(coord // 4, coord)
    lo = rng.randint(0, coord - size)
    return lo, lo + size


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        return (list(EDGE_CASES[case]),)
    p = level.params
    n, coord = p["n"], p["coord"]
    if level.index <= 0:
        n = rng.randint(0, n)
    snap = None
    if rng.random() < 0.3:
        snap = sorted(rng.randint(0, coord) for _ in range(max(2, n // 2)))
    rects = []
    for _ in range(n):
        x1, x2 = _span(rng, coord, rng.random())
        y1, y2 = _span(rng, coord, rng.random())
        if snap is not None and rng.random() < 0.7:
            x1, x2 = sorted((rng.choice(snap), rng.choice(snap)))
            y1, y2 = sorted((rng.choice(snap), rng.choice(snap)))
        rects.append((x1, y1, x2, y2))
    return (rects,)
