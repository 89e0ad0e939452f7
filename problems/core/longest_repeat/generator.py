"""Inputs for longest_repeat: strings over a few letters with a long planted
copy (sometimes overlapping its source), or a mutated periodic string, so that
the answer is long and its first occurrence is not at the start."""

import random

LETTERS = "abcdefghijklmnopqrstuvwxyz"

EDGE_CASES = [
    "",
    "a",
    "aa",
    "ab",
    "aaaaaaa",
    "abcdefghijklmnopqrstuvwxyz",
    "abab",
    "banana",
    "zyxzyxq",
    "abcxbcdxabc",
]


def _planted(n: int, alphabet: str, rng: random.Random) -> str:
    chars = [rng.choice(alphabet) for _ in range(n)]
    if n >= 2:
        length = rng.randint(max(1, n // 12), max(1, n // 3))
        src = rng.randint(0, n - length)
        if rng.random() < 0.3:
            dst = min(n - length, src + rng.randint(1, max(1, length // 2)))  # overlapping
        else:
            dst = rng.randint(0, n - length)
        if dst > src:
            for k in range(length):  # forward copy: an overlapping copy stays exact
                chars[dst + k] = chars[src + k]
        else:
            chars[dst : dst + length] = chars[src : src + length]
    return "".join(chars)


def _periodic(n: int, alphabet: str, rng: random.Random) -> str:
    block = [rng.choice(alphabet) for _ in range(rng.randint(1, max(1, n // 40 + 1)))]
    chars = [block[i % len(block)] for i in range(n)]
    for _ in range(rng.randint(4, 12)):
        if chars:
            chars[rng.randrange(n)] = rng.choice(LETTERS)
    return "".join(chars)


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        return (EDGE_CASES[case],)
    p = level.params
    n = p["n"]
    alphabet = LETTERS[: p["alphabet"]]
    if level.index <= 0:
        n = rng.randint(0, n)
        alphabet = LETTERS[: rng.randint(1, p["alphabet"])]
        maker = rng.choice((_planted, _periodic))
    else:
        maker = _planted if case % 2 == 0 else _periodic
    return (maker(n, alphabet, rng),)
