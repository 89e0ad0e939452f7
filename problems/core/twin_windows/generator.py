"""Inputs for twin_windows: windows of all widths up to the level limit, one of
them always reaching the limit."""

import random

EDGE_CASES = [
    [],
    [[1, 1]],
    [[1, 2]],
    [[3, 5]],
    [[3, 4], [4, 6], [5, 7], [2, 3]],
    [[1, 20], [5, 7], [6, 13], [14, 16]],
    [[1, 60], [17, 19], [18, 31], [29, 31], [30, 60]],
    [[41, 43], [42, 43], [41, 42], [1, 3]],
    [[7, 7], [11, 13], [60, 60]],
]


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        return ([list(w) for w in EDGE_CASES[case]],)
    p = level.params
    limit = p["limit"]
    q = p["q"] if level.index > 0 else rng.randint(1, p["q"])
    if level.index <= 0:
        limit = rng.randint(1, limit)
    windows = [[rng.randint(1, limit // 2 + 1), limit]]
    while len(windows) < q:
        kind = rng.random()
        if kind < 0.4:
            lo = rng.randint(1, limit)
            hi = rng.randint(lo, limit)
        elif kind < 0.8:
            lo = rng.randint(1, limit)
            hi = min(limit, lo + rng.randint(0, 1000))
        else:
            lo = rng.randint(1, 1 + limit // 100)
            hi = rng.randint(lo, limit)
        windows.append([lo, hi])
    rng.shuffle(windows)
    return (windows,)
