"""Inputs for block_checksums: file-like byte strings made of segments of
random bytes, ASCII text, zero and 0xFF fill (255 is 0 modulo 255) and short
repeated patterns; block sizes spread over a wide range (log-uniform), so
that both the number of blocks and their size vary, and the last block is
usually partial."""

import math
import random

TEXT = bytes(range(97, 123)) * 7 + b"       ETAOINSHRDLU\n.,"
TEXT_TABLE = bytes(TEXT[i % len(TEXT)] for i in range(256))

EDGE_CASES = [
    (b"", 1),
    (b"", 2**20),
    (b"\x00", 1),
    (b"\xff", 1),
    (b"\x01", 2**20),
    (b"\xff" * 600, 7),
    (b"\x00" * 33, 4),
    (b"abcde", 2),
    (b"abcde", 5),
    (b"abcde", 6),
    (bytes(range(256)), 1),
    (bytes(range(256)), 256),
    (bytes(range(255, -1, -1)) * 5, 100),
    (b"\xfe" * 70_000, 2**20),
]


def _data(n: int, rng: random.Random) -> bytes:
    parts = []
    size = 0
    while size < n:
        length = min(n - size, int(math.exp(rng.uniform(0.0, math.log(max(2, n // 4))))) + 1)
        kind = rng.random()
        if kind < 0.45:
            piece = rng.randbytes(length)
        elif kind < 0.7:
            piece = rng.randbytes(length).translate(TEXT_TABLE)
        elif kind < 0.8:
            piece = bytes(length)
        elif kind < 0.9:
            piece = b"\xff" * length
        else:
            pattern = rng.randbytes(rng.randint(1, 16))
            piece = (pattern * (length // len(pattern) + 1))[:length]
        parts.append(piece)
        size += length
    return b"".join(parts)


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        return EDGE_CASES[case]
    p = level.params
    n, low, high = p["n"], p["block_min"], p["block_max"]
    if level.index <= 0:
        n = rng.randint(0, n)
        if rng.random() < 0.1:  # now and then blocks of a few thousand bytes
            n, high = n * 100, high * 250
    block = int(math.exp(rng.uniform(math.log(low), math.log(high + 1))))
    return (_data(n, rng), max(low, min(high, block)))
