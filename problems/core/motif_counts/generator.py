"""Inputs for motif_counts: texts over small alphabets (often with repeated stretches,
so that occurrences overlap), and many patterns, most of them cut from the text."""

import random
import string

EDGE_CASES = [
    ("", []),
    ("", ["a"]),
    ("abc", []),
    ("a", ["a", "b"]),
    ("aaaa", ["aa", "aa"]),
    ("aaaa", ["aaaa"]),
    ("abc", ["abcd", "xyzw"]),
    ("abababab", ["ab", "ba", "ab", "bb", "aa"]),
    ("aAaA", ["a", "A", "b", "a"]),
    ("abcabcabc", ["abcabc", "bcabca", "cabcab", "abcabd"]),
    ("ZZZZZZZZZZ", ["ZZZZZZZZZZ", "ZZZZZZZZZY"]),
    ("ab" * 60 + "a", ["aba", "bab", "abb"]),
]


def _text(n: int, alphabet: str, rng: random.Random) -> str:
    pieces = []
    total = 0
    while total < n:
        if rng.random() < 0.2:  # a short block repeated
            block = "".join(rng.choices(alphabet, k=rng.randint(1, 4)))
            piece = block * rng.randint(2, 12)
        else:
            piece = "".join(rng.choices(alphabet, k=rng.randint(1, 40)))
        pieces.append(piece)
        total += len(piece)
    return "".join(pieces)[:n]


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        text, patterns = EDGE_CASES[case]
        return (text, list(patterns))
    p = level.params
    n, count = p["n"], p["patterns"]
    m = rng.randint(p["m_low"], p["m_high"])
    if level.index <= 0:
        n, count = rng.randint(0, n), rng.randint(0, count)
    alphabet = rng.choice(("ab", "ACGT", "ACGT", "abcdef", string.ascii_letters))
    text = _text(n, alphabet, rng)
    patterns = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.6 and len(text) >= m:
            start = rng.randint(0, len(text) - m)
            patterns.append(text[start : start + m])
        elif roll < 0.7 and patterns:
            patterns.append(rng.choice(patterns))
        elif roll < 0.75:
            patterns.append(rng.choice(alphabet) * m)
        else:
            patterns.append("".join(rng.choices(alphabet, k=m)))
    return (text, patterns)
