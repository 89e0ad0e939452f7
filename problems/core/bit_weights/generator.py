"""Inputs for bit_weights: 64-bit words of several kinds mixed in one list, as
in bitmaps and hash values: uniform random words, small counters, sparse
flag words with a few bits set, dense words with a few bits clear, and
words made of set and clear stretches."""

import random

TOP = 2**64 - 1

EDGE_CASES = [
    [],
    [0],
    [1],
    [TOP],
    [2**63],
    [0, 0, 0, 0],
    [TOP, TOP, TOP],
    [2**k for k in range(64)],
    [2**k - 1 for k in range(65)],
    [6, 255, 256, 2**32, 2**32 - 1, 2**31, 2**30, 2**30 - 1, 2**60 + 2**61],
]


def _sparse(rng: random.Random) -> int:
    word = 0
    for _ in range(rng.randint(1, 4)):
        word |= 1 << rng.randrange(64)
    return word


def _stretches(rng: random.Random) -> int:
    low, high = sorted((rng.randrange(65), rng.randrange(65)))
    return ((1 << high) - 1) ^ ((1 << low) - 1)


def _value(kind: int, rng: random.Random) -> int:
    if kind == 0:
        return rng.getrandbits(64)
    if kind == 1:
        return rng.getrandbits(rng.randint(1, 32))
    if kind == 2:
        return _sparse(rng)
    if kind == 3:
        return TOP ^ _sparse(rng)
    return _stretches(rng)


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        return (list(EDGE_CASES[case]),)
    n = level.params["n"]
    if level.index <= 0:
        n = rng.randint(0, n)
    mix = [rng.random() for _ in range(5)]
    kinds = rng.choices(range(5), mix, k=n)
    return ([_value(kind, rng) for kind in kinds],)
