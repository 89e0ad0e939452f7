"""Inputs for distinct_fragments: strings over a few letters with long repeated
stretches (planted copies or a mutated periodic pattern), so that counts stay
well below len(s) - k + 1, and lengths k spread from 1 to beyond len(s)."""

import random

LETTERS = "abcdefghijklmnopqrstuvwxyz"

EDGE_CASES = [
    ("", [1, 3]),
    ("a", [1, 2]),
    ("zz", []),
    ("aaaa", [1, 2, 3, 4, 5]),
    ("abab", [2, 3, 1, 2]),
    ("abcde", [1, 5, 6, 3]),
    ("banana", [7, 6, 5, 4, 3, 2, 1]),
    ("abcabcabc", [3, 3, 9, 10**6]),
    ("qwertyuiopasdfghjklzxcvbnm", [1, 26, 13]),
]


def _text(n: int, alphabet: str, rng: random.Random) -> str:
    if rng.random() < 0.5:
        block = [rng.choice(alphabet) for _ in range(rng.randint(1, max(1, n // 30 + 1)))]
        chars = [block[i % len(block)] for i in range(n)]
        for _ in range(rng.randint(0, 8 + n // 500) if n else 0):
            chars[rng.randrange(n)] = rng.choice(alphabet)
        return "".join(chars)
    chars = [rng.choice(alphabet) for _ in range(n)]
    for _ in range(rng.randint(1, 4)):
        if n < 2:
            break
        length = rng.randint(1, max(1, n // 4))
        src = rng.randint(0, n - length)
        dst = rng.randint(0, n - length)
        for k in range(length):  # forward copy, exact even when overlapping
            chars[dst + k] = chars[src + k]
    return "".join(chars)


def _lengths(n: int, q: int, rng: random.Random) -> list[int]:
    ks = []
    for _ in range(q):
        kind = rng.random()
        if kind < 0.3:
            ks.append(rng.randint(1, 12))
        elif kind < 0.6:
            ks.append(rng.randint(1, max(1, min(n, 400))))
        elif kind < 0.95:
            ks.append(rng.randint(1, max(1, n)))
        else:
            ks.append(rng.randint(n + 1, 10**6) if n < 10**6 else 10**6)
    return ks


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        s, ks = EDGE_CASES[case]
        return (s, list(ks))
    p = level.params
    n, q = p["n"], p["q"]
    alphabet = LETTERS[: p["alphabet"]]
    if level.index <= 0:
        n = rng.randint(0, n)
        q = rng.randint(0, q)
        alphabet = LETTERS[: rng.randint(1, p["alphabet"])]
    return (_text(n, alphabet, rng), _lengths(n, q, rng))
