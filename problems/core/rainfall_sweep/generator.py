"""Inputs for rained_area: clusters of rectangles of every size (from slivers
to most of the map) that overlap and nest, a few zero-area ones, and corners
on a coarse grid in some cases so that many coordinates coincide."""

import random

TOP = 10**9

EDGE_CASES = [
    [],
    [(0, 0, 1, 1)],
    [(3, 3, 3, 9)],
    [(0, 0, TOP, TOP)],
    [(2, 2, 5, 7), (2, 2, 5, 7), (2, 2, 5, 7)],
    [(0, 0, 10, 10), (2, 3, 4, 5), (0, 0, 10, 10)],
    [(0, 0, 2, 2), (2, 0, 4, 2), (0, 2, 2, 4)],
    [(0, 0, 3, 1), (1, 0, 2, 5), (0, 4, 3, 5)],
    [(TOP - 1, 0, TOP, TOP), (0, TOP - 1, TOP, TOP), (5, 5, 5, 5)],
]


def _rect(rng: random.Random, cx: int, cy: int, reach: int, span: int) -> tuple:
    corners = []
    for center in (cx, cy):
        half = int(2 ** rng.uniform(0, max(1, reach).bit_length()))
        low = min(span, max(0, center - rng.randint(0, half)))
        high = min(span, max(low, center + rng.randint(0, half)))
        corners.append((low, high))
    (x1, x2), (y1, y2) = corners
    return (x1, y1, x2, y2)


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        return (list(EDGE_CASES[case]),)
    n, span = level.params["n"], level.params["span"]
    if level.index <= 0:
        n = rng.randint(0, n)
    # Corners on a grid of `grain`: coarse grids make many coordinates coincide.
    grain = rng.choice((1, 1, span // 2048 or 1))
    clusters = [
        (rng.randint(0, span), rng.randint(0, span), rng.randint(1, span // 2 or 1))
        for _ in range(rng.randint(1, 6))
    ]
    rects = []
    for _ in range(n):
        cx, cy, reach = rng.choice(clusters)
        x1, y1, x2, y2 = _rect(rng, cx, cy, reach, span)
        if rng.random() < 0.03:
            x2 = x1  # a zero-area rectangle
        x1, y1, x2, y2 = (v // grain * grain for v in (x1, y1, x2, y2))
        rects.append((x1, y1, x2, y2))
    return (rects,)
