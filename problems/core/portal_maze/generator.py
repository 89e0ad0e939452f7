"""Inputs for portal_maze: a random maze with S on the left and E on the right, a few
hub letters spread over many cells of the left half (so that the walk on from them is
long), and letters that come in pairs anywhere; now and then E is walled in, so that it
cannot be reached."""

import random
import string

EDGE_CASES = [
    ["SE"],
    ["S#E"],
    ["S", ".", "E"],
    ["Sa#aE"],
    ["Sa#", "###", "#aE"],
    ["S##", "###", "##E"],
    ["Sb#E"],
    ["SabcE"],
    ["a.S.a", "#####", "a...E"],
    ["E" + "." * 8 + "S"],
]

STEPS = ((-1, 0), (1, 0), (0, -1), (0, 1))


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        return (list(EDGE_CASES[case]),)
    p = level.params
    rows, cols = p["rows"], p["cols"]
    hubs, pairs = p["hubs"], p["pairs"]
    if level.index <= 0:
        rows, cols = rng.randint(1, rows), rng.randint(2, cols)
        hubs, pairs = rng.randint(0, hubs), rng.randint(0, pairs)
    wall = p["wall"] * rng.uniform(0.7, 1.2)
    cells = [["#" if rng.random() < wall else "." for _ in range(cols)] for _ in range(rows)]
    letters = rng.sample(string.ascii_lowercase, hubs + pairs)
    spots = [(r, c) for r in range(rows) for c in range((cols + 1) // 2)]
    for letter in letters[:hubs]:
        size = max(2, round(p["hub_cells"] * rng.uniform(0.5, 1.5)))
        for r, c in rng.sample(spots, min(len(spots), size)):
            cells[r][c] = letter
    for letter in letters[hubs:]:
        for _ in range(2):
            cells[rng.randrange(rows)][rng.randrange(cols)] = letter
    # S in the left quarter, E in the right quarter (distinct cells); S is never
    # walled in, E is walled in now and then.
    band = max(1, cols // 4)
    sr, sc = rng.randrange(rows), rng.randrange(band)
    er, ec = rng.randrange(rows), cols - 1 - rng.randrange(band)
    if (sr, sc) == (er, ec):
        ec = (ec + 1) % cols
    for dr, dc in STEPS:
        r, c = sr + dr, sc + dc
        if 0 <= r < rows and 0 <= c < cols:
            cells[r][c] = "."
    if rng.random() < 0.15:
        for dr, dc in STEPS:
            r, c = er + dr, ec + dc
            if 0 <= r < rows and 0 <= c < cols and (r, c) != (sr, sc):
                cells[r][c] = "#"
    cells[sr][sc] = "S"
    cells[er][ec] = "E"
    return (["".join(row) for row in cells],)
