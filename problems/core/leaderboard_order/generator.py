"""Inputs for leaderboard_order: points and finish times come from narrow ranges
so that ties are common and every level of the ordering matters."""

import random
import string

LETTERS = string.ascii_lowercase

EDGE_CASES = [
    [],
    [("solo", 0, 0)],
    [("b", 3, 10), ("a", 3, 10), ("c", 3, 10)],
    [("x", 1000, 86_400), ("y", 0, 0), ("z", 1000, 0)],
    [("dup", 5, 5), ("dup", 5, 5), ("dup", 4, 5)],
    [("ab", 2, 7), ("a", 2, 7), ("abc", 2, 7), ("b", 2, 7)],
    [("m", 1, 3), ("n", 1, 2), ("o", 1, 1)],
    [("q", 0, 9), ("r", 1, 9), ("s", 2, 9), ("t", 3, 9)],
]


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        return (list(EDGE_CASES[case]),)
    p = level.params
    n = p["n"] if level.index > 0 else rng.randint(0, p["n"])
    top = rng.randint(p["points"] // 2, p["points"])
    slowest = rng.randint(p["seconds"] // 2, p["seconds"])
    base = rng.randint(0, 1000 - top)
    start = rng.randint(0, 86_400 - slowest)
    name_len = p["name_len"]
    choices, randint = rng.choices, rng.randint
    names = ["".join(choices(LETTERS, k=randint(1, name_len))) for _ in range(n)]
    entries = [
        (name, base + randint(0, top), start + randint(0, slowest)) for name in names
    ]
    return (entries,)
