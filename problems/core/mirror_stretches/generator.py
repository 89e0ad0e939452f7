"""Inputs for mirror_stretches: long runs of one letter, or a short mirrored
unit repeated, so that growing every stretch outwards from its centre is
quadratic. Small random cases also use nested mirrored blocks."""

import random

EDGE_CASES = [
    ("", 1),
    ("a", 1),
    ("a", 2),
    ("aaaaaa", 1),
    ("aaaaaa", 4),
    ("abcdef", 2),
    ("abba", 4),
    ("abcba", 6),
]


def _mirror_rich(rng: random.Random, n: int, letters: str) -> str:
    # Grow a string by mirroring it with a small pivot, then add noise.
    s = rng.choice(letters)
    while len(s) < n:
        pivot = "".join(rng.choice(letters) for _ in range(rng.randint(0, 2)))
        s = s + pivot + s[::-1]
    start = rng.randint(0, len(s) - n)
    return s[start : start + n]


def _runs(rng: random.Random, n: int, letters: str) -> str:
    parts = []
    total = 0
    while total < n:
        length = rng.randint(n // 8 + 1, n // 3 + 1)
        parts.append(rng.choice(letters) * length)
        total += length
    return "".join(parts)[:n]


def _periodic_mirror(rng: random.Random, n: int, letters: str) -> str:
    # A short mirrored unit repeated: about two centres per period carry a
    # mirror stretch as long as the distance to the nearer end.
    half = "".join(rng.choice(letters) for _ in range(rng.randint(1, 3)))
    unit = half + half[::-1][rng.randint(0, 1) :]
    return (unit * (n // len(unit) + 1))[:n]


def _noise(rng: random.Random, s: str, letters: str, count: int) -> str:
    chars = list(s)
    for _ in range(count):
        if chars:
            chars[rng.randrange(len(chars))] = rng.choice(letters)
    return "".join(chars)


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        beads, min_len = EDGE_CASES[case]
        return (beads, min_len)
    n = level.params["n"]
    letters = "abcdefghijklmnopqrstuvwxyz"[: level.params["alphabet"]]
    if level.index <= 0:
        n_here = rng.randint(0, n)
        kind = rng.randrange(3)
        if n_here == 0:
            beads = ""
        elif kind == 0:
            beads = "".join(rng.choice(letters) for _ in range(n_here))
        elif kind == 1:
            beads = _noise(rng, _mirror_rich(rng, n_here, letters), letters, rng.randint(0, 1))
        else:
            beads = _noise(rng, rng.choice(letters) * n_here, letters, rng.randint(0, 2))
        if rng.random() < 0.2:
            min_len = rng.randint(1, n_here + 2)
        else:
            min_len = rng.randint(1, n_here // 3 + 1)
        return (beads, min_len)
    if case % 2 == 0:
        beads = _noise(rng, _runs(rng, n, letters), letters, rng.randint(2, 6))
    else:
        beads = _noise(rng, _periodic_mirror(rng, n, letters), letters, rng.randint(2, 6))
    min_len = rng.randint(1, n // 50 + 1)
    return (beads, min_len)
