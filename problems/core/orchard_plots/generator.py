"""Inputs for orchard_plots: plots are mostly large (a sizeable share of the
grid), so summing each plot cell by cell is expensive."""

import random

EDGE_CASES = [
    ([[7]], []),
    ([[7]], [(0, 0, 0, 0)]),
    ([[0, 0], [0, 0]], [(0, 0, 1, 1), (1, 1, 1, 1)]),
    ([[1000, 1000, 1000]], [(0, 0, 0, 2), (0, 1, 0, 1), (0, 2, 0, 2)]),
    ([[-1000], [-1000], [5]], [(0, 0, 2, 0), (1, 0, 2, 0), (0, 0, 0, 0)]),
    ([[1, -1], [-1, 1]], [(0, 0, 1, 1), (0, 0, 0, 1), (0, 1, 1, 1), (0, 0, 1, 1)]),
]


def _span(size: int, rng: random.Random) -> tuple[int, int]:
    # Lengths at least a quarter of the side most of the time.
    if rng.random() < 0.1:
        a = rng.randrange(size)
        b = rng.randrange(size)
        return (a, b) if a <= b else (b, a)
    length = rng.randint((size + 3) // 4, size)
    start = rng.randint(0, size - length)
    return start, start + length - 1


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        grid, plots = EDGE_CASES[case]
        return ([list(row) for row in grid], list(plots))
    p = level.params
    rows, cols, count = p["rows"], p["cols"], p["plots"]
    if level.index <= 0:
        rows = rng.randint(1, rows)
        cols = rng.randint(1, cols)
        count = rng.randint(0, count) if rng.random() < 0.2 else rng.randint(1, count)
    bias = rng.randint(-300, 300)
    rand = rng.random
    grid = [
        [max(-1000, min(1000, bias + int(rand() * 2001) - 1000)) for _ in range(cols)]
        for _ in range(rows)
    ]
    plots = []
    for _ in range(count):
        top, bottom = _span(rows, rng)
        left, right = _span(cols, rng)
        plots.append((top, left, bottom, right))
    return (grid, plots)
