"""Inputs for grid_blur: grids of many shapes (square, wide, tall, single rows and
columns) holding image-like values (smooth shading plus noise, 0 .. 255 or wider) or
values of both signs over the whole range."""

import math
import random

LIMIT = 10**6

EDGE_CASES = [
    [],
    [[]],
    [[], [], []],
    [[7]],
    [[-7]],
    [[1, 2, 3, 4, 5]],
    [[1], [2], [3], [-4]],
    [[3, 3], [3, 3]],
    [[LIMIT] * 4 for _ in range(3)],
    [[-LIMIT, LIMIT, -LIMIT], [LIMIT, -LIMIT, LIMIT], [-LIMIT, LIMIT, -LIMIT]],
    [[-1, 0], [0, 0]],
]


def _shape(cells: int, rng: random.Random) -> tuple[int, int]:
    kind = rng.random()
    if kind < 0.1:
        return (1, cells) if rng.random() < 0.5 else (cells, 1)
    ratio = math.exp(rng.uniform(-2.5, 2.5))
    rows = max(1, min(cells, round(math.sqrt(cells * ratio))))
    return rows, max(1, cells // rows)


def _grid(rows: int, cols: int, rng: random.Random) -> list[list[int]]:
    if rows == 0 or cols == 0:
        return [[] for _ in range(rows)]
    if rng.random() < 0.35:
        return [[rng.randint(-LIMIT, LIMIT) for _ in range(cols)] for _ in range(rows)]
    top = rng.choice((255, 4095, LIMIT))
    base = rng.uniform(0.2, 0.8) * top
    amp = rng.uniform(0.05, 0.3) * top
    fx, fy = rng.uniform(1.0, 6.0) / cols, rng.uniform(1.0, 6.0) / rows
    noise = max(1, int(top * rng.choice((0.01, 0.05, 0.2))))
    col_wave = [amp * math.sin(x * fx * math.pi) for x in range(cols)]
    grid = []
    for y in range(rows):
        shade = base + amp * math.cos(y * fy * math.pi)
        grid.append(
            [max(0, min(top, int(shade + w) + rng.randint(-noise, noise))) for w in col_wave]
        )
    return grid


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        return ([list(row) for row in EDGE_CASES[case]],)
    cells = level.params["cells"]
    if level.index <= 0:
        rows, cols = rng.randint(0, cells), rng.randint(0, cells)
        if rng.random() < 0.5:
            return ([[rng.randint(-20, 20) for _ in range(cols)] for _ in range(rows)],)
        return (_grid(rows, cols, rng),)
    rows, cols = _shape(cells, rng)
    return (_grid(rows, cols, rng),)
