"""Inputs for box_counts: points scattered uniformly or gathered in clusters
(with repeats), and boxes from tiny to nearly the whole plane, so that both
the answers and the work per box vary widely."""

import random

EDGE_CASES = [
    ([], []),
    ([], [(0, 0, 5, 5)]),
    ([(3, 4)], []),
    ([(3, 4)], [(3, 4, 3, 4), (0, 0, 2, 9), (3, 5, 3, 9), (-9, -9, 9, 9)]),
    ([(2, 2)] * 5, [(2, 2, 2, 2), (0, 0, 1, 1), (2, 0, 2, 9)]),
    (
        [(-(10**9), -(10**9)), (10**9, 10**9), (10**9, -(10**9))],
        [(-(10**9), -(10**9), 10**9, 10**9), (0, -(10**9), 10**9, 0), (10**9, 10**9, 10**9, 10**9)],
    ),
    ([(0, 0), (1, 0), (2, 0), (3, 0)], [(1, 0, 2, 0), (0, 1, 3, 1), (4, 0, 9, 0)]),
    ([(0, 0), (0, 1), (0, 2), (1, 1)], [(0, 0, 0, 2), (0, 1, 1, 1), (1, 0, 1, 0)]),
]


def _coord(rng: random.Random, center: int, radius: int, coord: int) -> int:
    return max(-coord, min(coord, center + rng.randint(-radius, radius)))


def _points(rng: random.Random, n: int, coord: int) -> list[tuple[int, int]]:
    if rng.random() < 0.5:
        return [(rng.randint(-coord, coord), rng.randint(-coord, coord)) for _ in range(n)]
    centers = [
        (rng.randint(-coord, coord), rng.randint(-coord, coord), rng.randint(1, coord // 4 + 1))
        for _ in range(rng.randint(1, 8))
    ]
    pts = []
    for _ in range(n):
        cx, cy, radius = rng.choice(centers)
        pts.append((_coord(rng, cx, radius, coord), _coord(rng, cy, radius, coord)))
    # Some exact repeats.
    for _ in range(n // 20):
        pts[rng.randrange(n)] = rng.choice(pts)
    return pts


def _box(rng: random.Random, pts: list[tuple[int, int]], coord: int) -> tuple[int, int, int, int]:
    kind = rng.random()
    if pts and kind < 0.6:
        # Anchored on points, so borders pass through points often.
        (ax, ay), (bx, by) = rng.choice(pts), rng.choice(pts)
        x1, x2 = sorted((ax, bx))
        y1, y2 = sorted((ay, by))
        return (x1, y1, x2, y2)
    if kind < 0.8:
        size = rng.randint(0, coord // 10 + 1)
    else:
        size = rng.randint(coord, 2 * coord)
    x1 = rng.randint(-coord, coord - min(size, 2 * coord))
    y1 = rng.randint(-coord, coord - min(size, 2 * coord))
    return (x1, y1, min(coord, x1 + size), min(coord, y1 + rng.randint(0, size)))


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        pts, boxes = EDGE_CASES[case]
        return (list(pts), list(boxes))
    p = level.params
    n, q, coord = p["n"], p["q"], p["coord"]
    if level.index <= 0:
        n = rng.randint(0, n)
        q = rng.randint(0, q)
    pts = _points(rng, n, coord)
    boxes = [_box(rng, pts, coord) for _ in range(q)]
    return (pts, boxes)
