"""Inputs for shelf_ranks: a shelf that mostly grows (so it gets large), with
removals of values on it, ranks of arbitrary values and k-th queries over the
whole range of k. A small value range gives many copies of each value."""

import random

TOP = 10**6

EDGE_CASES = [
    [],
    [("add", 0)],
    [("add", 3), ("kth", 1), ("rank", 3), ("rank", 4), ("rank", 0)],
    [("add", 4), ("add", 4), ("add", 4), ("rank", 4), ("rank", 5), ("kth", 2), ("kth", 3)],
    [("add", TOP), ("add", 0), ("rank", TOP), ("kth", 2), ("kth", 1), ("rank", 0)],
    [("add", 2), ("remove", 2), ("rank", 2), ("rank", TOP), ("add", 1), ("kth", 1)],
    [("rank", 0), ("rank", TOP), ("add", 9), ("remove", 9), ("add", 8), ("kth", 1)],
    [("add", 5), ("add", 5), ("remove", 5), ("kth", 1), ("remove", 5), ("rank", 6)],
]


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        return (list(EDGE_CASES[case]),)
    p = level.params
    n, top, add_share = p["n"], p["max_value"], p["add_share"]
    if level.index <= 0:
        n = rng.randint(0, n)
        top = rng.choice((1, 3, top, TOP))
    remove_share = (1.0 - add_share) / 3
    # Values sit in a window of the range (a random offset), so the smallest and
    # largest values vary between cases.
    base = rng.randint(0, TOP - top)
    ops: list[tuple[str, int]] = []
    shelf: list[int] = []
    for _ in range(n):
        roll = rng.random()
        if not shelf or roll < add_share:
            x = base + rng.randint(0, top)
            shelf.append(x)
            ops.append(("add", x))
        elif roll < add_share + remove_share:
            j = rng.randrange(len(shelf))
            shelf[j], shelf[-1] = shelf[-1], shelf[j]
            ops.append(("remove", shelf.pop()))
        elif rng.random() < 0.5:
            x = rng.choice(shelf) + rng.randint(-1, 1) if rng.random() < 0.5 else -1
            if not 0 <= x <= TOP:
                x = rng.randint(0, TOP)
            ops.append(("rank", x))
        else:
            ops.append(("kth", rng.randint(1, len(shelf))))
    return (ops,)
