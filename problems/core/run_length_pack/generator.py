"""Inputs for run_length_pack: text made of runs, as in scan lines of a bitmap
or padded records: each case picks a small or a full printable alphabet and a
mean run length; most runs are near that mean, some are single characters, a
few are very long (thousands), and stretches of short runs alternate with
stretches of long ones."""

import random

PRINTABLE = "".join(chr(c) for c in range(32, 127))

EDGE_CASES = [
    "",
    "a",
    "~",
    "zzzzzzzz",
    "ab",
    "abababab",
    "1111222223",
    "  11",
    "x" * 1024 + "y" * 1025 + "x",
    "q" * 5000,
    "aaabccddddddddddddd",
    PRINTABLE,
    "a" * 9 + "b" * 10 + "c" * 99 + "d" * 100 + "e",
]


def _text(n: int, mean: float, long_share: float, rng: random.Random) -> str:
    if rng.random() < 0.5:
        alphabet = rng.sample(PRINTABLE, rng.randint(2, 6))
    else:
        alphabet = list(PRINTABLE)
    parts = []
    size = 0
    prev = ""
    short = False
    while size < n:
        if rng.random() < (0.05 if short else 0.004):
            short = not short  # stretches of about 20 short runs now and then
        roll = rng.random()
        if short or roll < 0.1:
            length = rng.randint(1, 2)
        elif roll < 1.0 - long_share:
            length = 1 + int(rng.expovariate(1.0 / mean))
        else:
            length = rng.randint(200, 6000)
        char = rng.choice(alphabet)
        while char == prev:
            char = rng.choice(alphabet)
        parts.append(char * length)
        size += length
        prev = char
    return "".join(parts)[:n]


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        return (EDGE_CASES[case],)
    n, mean = level.params["n"], level.params["mean"]
    if level.index <= 0:
        n = rng.randint(0, n)
        mean = rng.uniform(0.2, 2 * mean)
        if rng.random() < 0.05:  # now and then runs longer than a thousand characters
            return (_text(n * 300, mean, 0.3, rng),)
        return (_text(n, mean, 0.005, rng),)
    return (_text(n, rng.uniform(0.6, 1.5) * mean, 0.005, rng),)
