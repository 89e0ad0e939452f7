"""Inputs for exit_drill: open floors with many exits, and long winding corridors."""

import random

EDGE_CASES = [
    [],
    [""],
    ["."],
    ["X"],
    ["#"],
    ["....."],
    ["X.X.."],
    ["X", ".", ".", "#", "."],
    ["X#.", "##.", "..."],
    ["..#..", ".#X#.", "..#..", "#####", "X...."],
]


def _random_floor(rng, rows, cols, exits, wall):
    grid = [["#" if rng.random() < wall else "." for _ in range(cols)] for _ in range(rows)]
    if rows and cols:
        for _ in range(exits):
            grid[rng.randrange(rows)][rng.randrange(cols)] = "X"
    return ["".join(row) for row in grid]


def _winding_floor(rng, rows, cols, exits):
    # Corridors joined at alternating ends, a few blocked spots that cut
    # off pockets, and exits scattered along the way.
    grid = [["."] * cols for _ in range(rows)]
    for r in range(2, rows, 3):
        gap = cols - 1 if (r // 3) % 2 == 0 else 0
        row = grid[r]
        for c in range(cols):
            if c != gap:
                row[c] = "#"
    for r in range(rows):
        if r % 3 == 2:
            continue
        row = grid[r]
        for c in range(cols):
            if rng.random() < 0.001:
                row[c] = "#"
    for _ in range(exits):
        r = rng.randrange(rows)
        c = rng.randrange(cols)
        if grid[r][c] == ".":
            grid[r][c] = "X"
    return ["".join(row) for row in grid]


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        return (list(EDGE_CASES[case]),)
    p = level.params
    if level.index <= 0:
        rows = rng.randint(1, p["rows"])
        cols = rng.randint(1, p["cols"])
        exits = rng.randint(0, p["exits"])
        return (_random_floor(rng, rows, cols, exits, rng.uniform(0.0, 2 * p["wall"])),)
    if case % 2 == 0:
        return (_random_floor(rng, p["rows"], p["cols"], p["exits"], p["wall"]),)
    return (_winding_floor(rng, p["rows"], p["cols"], p["exits"]),)
