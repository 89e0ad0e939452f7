"""Inputs for harbor_route: open water of cheap cells with costly shoals, islands of
land, and closed lagoons that no boat from outside can reach. Most trips are short
hops across a large chart; some are long, some start or end on land or inside a
lagoon."""

import random

EDGE_CASES = [
    ([], []),
    ([[], []], []),
    ([[7]], [(0, 0, 0, 0)]),
    ([[0]], [(0, 0, 0, 0)]),
    ([[1, 0, 1]], [(0, 0, 0, 2), (0, 2, 0, 0), (0, 0, 0, 0), (0, 1, 0, 1)]),
    ([[9] * 4 for _ in range(4)], [(0, 0, 3, 3), (3, 3, 0, 0), (1, 2, 2, 1), (0, 3, 0, 3)]),
    (
        [[1, 1, 1, 1], [9, 9, 9, 1], [1, 1, 1, 1], [1, 9, 9, 9], [1, 1, 1, 1]],
        [(0, 0, 4, 3), (4, 3, 0, 0), (2, 0, 2, 3), (0, 0, 1, 0)],
    ),
    (
        [[1, 1, 1, 1, 1], [1, 0, 0, 0, 1], [1, 0, 2, 0, 1], [1, 0, 0, 0, 1], [1, 1, 1, 1, 1]],
        [(0, 0, 2, 2), (2, 2, 2, 2), (2, 2, 4, 4), (0, 0, 4, 4), (1, 1, 1, 1)],
    ),
    ([[1] * 6], [(0, 0, 0, 5), (0, 5, 0, 0), (0, 2, 0, 3)]),
    ([[3], [1], [4], [1], [5]], [(0, 0, 4, 0), (4, 0, 0, 0), (2, 0, 1, 0)]),
]


def _water(rng: random.Random) -> int:
    x = rng.random()
    if x < 0.55:
        return 1
    if x < 0.8:
        return 2
    if x < 0.93:
        return 3
    return rng.randint(4, 9)


def _chart(rng: random.Random, rows: int, cols: int, features: int) -> list[list[int]]:
    grid = [[_water(rng) for _ in range(cols)] for _ in range(rows)]
    if not rows or not cols:
        return grid
    for _ in range(features):
        kind = rng.random()
        r0, c0 = rng.randrange(rows), rng.randrange(cols)
        if kind < 0.4:  # an island: a random walk of land
            r, c = r0, c0
            for _ in range(rng.randint(3, (rows + cols) // 3 + 3)):
                grid[r][c] = 0
                r = min(rows - 1, max(0, r + rng.choice((-1, 0, 0, 1))))
                c = min(cols - 1, max(0, c + rng.choice((-1, 0, 0, 1))))
        elif kind < 0.9:  # a shoal: a block of costly water
            fee = rng.randint(4, 9)
            height, width = rng.randint(1, max(1, rows // 10)), rng.randint(1, max(1, cols // 10))
            for r in range(r0, min(rows, r0 + height)):
                for c in range(c0, min(cols, c0 + width)):
                    if grid[r][c]:
                        grid[r][c] = fee
        else:  # a lagoon: a closed ring of land around water
            height, width = rng.randint(3, max(3, rows // 8)), rng.randint(3, max(3, cols // 8))
            r1, c1 = min(rows - 1, r0 + height - 1), min(cols - 1, c0 + width - 1)
            for c in range(c0, c1 + 1):
                grid[r0][c] = grid[r1][c] = 0
            for r in range(r0, r1 + 1):
                grid[r][c0] = grid[r][c1] = 0
    return grid


def _queries(
    rng: random.Random, rows: int, cols: int, count: int, radius: int, far: float
) -> list[tuple[int, int, int, int]]:
    if not rows or not cols:
        return []
    out = []
    for _ in range(count):
        r1, c1 = rng.randrange(rows), rng.randrange(cols)
        if rng.random() >= far:  # a short hop
            r2 = min(rows - 1, max(0, r1 + rng.randint(-radius, radius)))
            c2 = min(cols - 1, max(0, c1 + rng.randint(-radius, radius)))
        else:
            r2, c2 = rng.randrange(rows), rng.randrange(cols)
        out.append((r1, c1, r2, c2))
    return out


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        grid, queries = EDGE_CASES[case]
        return ([list(row) for row in grid], list(queries))
    p = level.params
    rows, cols, count, features = p["rows"], p["cols"], p["queries"], p["features"]
    if level.index <= 0:
        rows, cols = rng.randint(1, rows), rng.randint(1, cols)
        count, features = rng.randint(0, count), rng.randint(0, features)
    grid = _chart(rng, rows, cols, features)
    return (grid, _queries(rng, rows, cols, count, p["radius"], p["far"]))
