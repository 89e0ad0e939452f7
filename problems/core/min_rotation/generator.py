"""Inputs for min_rotation: besides random strings, shapes where many rotations share
long prefixes (near-periodic strings, long runs of the smallest letter, Fibonacci and
Thue-Morse words), so that comparing rotations naively does a lot of work."""

import random
import string

EDGE_CASES = [
    [],
    [""],
    ["a"],
    ["aaaaaaa", "zzzz"],
    ["abab", "baba", "abcabc", "cabcab"],
    ["zyxwvutsrqponmlkjihgfedcba", "abcdefghijklmnopqrstuvwxyz"],
    ["bbbba", "abbbb", "babbb", "aabaab"],
    ["ba", "ab", "aab", "aba", "baa"],
    ["a" * 40 + "b" + "a" * 39, "b" + "a" * 60, "ab" * 30 + "a"],
]


def _fibonacci(n: int) -> str:
    a, b = "a", "ab"
    while len(b) < n:
        a, b = b, b + a
    return b[:n]


def _thue_morse(n: int) -> str:
    return "".join("ab"[i.bit_count() & 1] for i in range(n))


def _one(n: int, rng: random.Random) -> str:
    kind = rng.randrange(7)
    if kind == 0:  # random over a small or the full alphabet
        letters = string.ascii_lowercase[: rng.choice((2, 3, 4, 26))]
        s = "".join(rng.choices(letters, k=n))
    elif kind == 1:  # a repeated block, sometimes slightly mutated
        q = rng.randint(1, max(1, min(n, rng.choice((3, 10, 50)))))
        block = "".join(rng.choices("abc", k=q))
        s = (block * (n // q + 1))[:n]
        for _ in range(rng.randint(0, 2)):
            k = rng.randrange(n)
            s = s[:k] + rng.choice("abc") + s[k + 1 :]
    elif kind == 2:  # rare smallest letter
        s = "".join("a" if rng.random() < 0.03 else rng.choice("bc") for _ in range(n))
    elif kind == 3:  # many maximal runs of the smallest letter of nearly equal length
        top = rng.randint(1, 12)
        parts = []
        total = 0
        while total < n:
            part = "a" * rng.randint(max(1, top - 1), top) + rng.choice("bc")
            parts.append(part)
            total += len(part)
        s = "".join(parts)[:n]
    elif kind == 4:
        s = _fibonacci(n)
    elif kind == 5:
        s = _thue_morse(n)
    else:  # all one letter
        s = rng.choice(string.ascii_lowercase) * n
    cut = rng.randrange(n)
    return s[cut:] + s[:cut]


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        return (list(EDGE_CASES[case]),)
    count, max_len = level.params["count"], level.params["max_len"]
    if level.index <= 0:
        count = rng.randint(0, count)
        lengths = [rng.randint(0, max_len) for _ in range(count)]
        return ([_one(n, rng) if n else "" for n in lengths],)
    short = count // 4  # a quarter of short strings, the rest long
    lengths = [rng.randint(1, 60) for _ in range(short)]
    lengths += [rng.randint(max_len // 2, max_len) for _ in range(count - short)]
    rng.shuffle(lengths)
    return ([_one(n, rng) for n in lengths],)
