"""Inputs for grid_escape: winding mazes (with a few loops) and scattered walls."""

import random

EDGE_CASES = [
    ["SE"],  # the smallest grid
    ["S#E"],  # blocked at once
    ["S", ".", ".", ".", "E"],  # one column
    ["S....", ".....", ".....", ".....", "....E"],  # all free
    ["S#", "#E"],  # diagonal only: unreachable
    ["S.#", ".##", "##E"],  # the exit is walled in
    ["E.....", "#####.", "S....."],  # back along the row above
    [".....", ".###.", ".#E#.", ".#.#.", "S#..."],  # a spiral inwards
    ["S.#...", ".##.#.", "....#.", "#####.", "E....."],  # a long detour
    ["#####", "#S.E#", "#####"],  # walls all round
]


def render(grid: list[str]) -> str:
    return f"{len(grid)} {len(grid[0])}\n" + "\n".join(grid) + "\n"


def maze(rows: int, cols: int, loops: float, rng: random.Random) -> list[bytearray]:
    """Rooms on even coordinates, joined by a random depth-first walk (long winding
    corridors), then a share `loops` of the remaining walls between rooms opened."""
    cells = [bytearray(b"#" * cols) for _ in range(rows)]
    cells[0][0] = 46
    stack = [(0, 0)]
    steps = ((2, 0), (-2, 0), (0, 2), (0, -2))
    while stack:
        r, c = stack[-1]
        options = [
            (r + dr, c + dc)
            for dr, dc in steps
            if 0 <= r + dr < rows and 0 <= c + dc < cols and cells[r + dr][c + dc] == 35
        ]
        if not options:
            stack.pop()
            continue
        nr, nc = rng.choice(options)
        cells[(r + nr) // 2][(c + nc) // 2] = 46
        cells[nr][nc] = 46
        stack.append((nr, nc))
    if loops:
        for r in range(rows):
            for c in range((r + 1) % 2, cols, 2):
                if cells[r][c] == 35 and rng.random() < loops:
                    cells[r][c] = 46
    return cells


def scattered(rows: int, cols: int, density: float, rng: random.Random) -> list[bytearray]:
    return [
        bytearray(35 if rng.random() < density else 46 for _ in range(cols)) for _ in range(rows)
    ]


def place(cells: list[bytearray], rng: random.Random, rooms_only: bool, far: bool) -> None:
    """Put S and E on two distinct cells (on rooms of a maze, so both are free); `far`
    puts S in the top left quarter and E in the bottom right one."""
    rows, cols = len(cells), len(cells[0])
    step = 2 if rooms_only else 1
    spots = [(r, c) for r in range(0, rows, step) for c in range(0, cols, step)]
    if len(spots) < 2:
        spots = [(r, c) for r in range(rows) for c in range(cols)]
    if far and rows >= 8 and cols >= 8:
        sr, sc = rng.choice([(r, c) for r, c in spots if r < rows // 4 and c < cols // 4])
        er, ec = rng.choice([(r, c) for r, c in spots if r >= rows * 3 // 4 and c >= cols * 3 // 4])
    else:
        (sr, sc), (er, ec) = rng.sample(spots, 2)
    cells[sr][sc] = ord("S")
    cells[er][ec] = ord("E")


def wall_in(cells: list[bytearray], rng: random.Random) -> None:
    """Surround E with walls (the answer becomes -1 unless S is next to it)."""
    rows, cols = len(cells), len(cells[0])
    for r, row in enumerate(cells):
        c = row.find(b"E")
        if c >= 0:
            for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
                if 0 <= nr < rows and 0 <= nc < cols and cells[nr][nc] == 46:
                    cells[nr][nc] = 35
            return


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        return (render(EDGE_CASES[case]),)
    rows, cols = level.params["rows"], level.params["cols"]
    if level.index <= 0:
        rows, cols = rng.randint(1, rows), rng.randint(1, cols)
        if rows * cols < 2:
            cols = 2
        shape = rng.randrange(4)
    else:
        # The first case of a stress level is always a winding maze.
        shape = 0 if case == 0 else rng.randrange(3)
    if shape == 0:
        cells = maze(rows, cols, rng.uniform(0.0, 0.02), rng)
    elif shape == 1:
        cells = maze(rows, cols, rng.uniform(0.1, 0.4), rng)
    else:
        cells = scattered(rows, cols, rng.uniform(0.2, 0.45), rng)
    far = case == 0 if level.index > 0 else rng.random() < 0.5
    place(cells, rng, rooms_only=shape < 2, far=far)
    if shape == 3 or (shape == 2 and rng.random() < 0.2):
        wall_in(cells, rng)
    return (render([row.decode() for row in cells]),)
