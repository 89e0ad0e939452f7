"""Inputs for word_frequencies: prose-like text over a vocabulary whose word
frequencies fall off as in natural language (a few very common words, a long
tail seen once or twice, so that the cut at k often falls inside a tie), with
words in lower, Capitalised, UPPER and mixed case, and separators that include
digits, apostrophes and underscores glued to the words."""

import random

LOWER = "abcdefghijklmnopqrstuvwxyz"
SEPARATORS = [" "] * 12 + [", ", ". ", "\n", "; ", " - ", "'", "_", "\t", "3", "42", "(", ") "]
PRINTABLE = [chr(c) for c in range(32, 127)]

EDGE_CASES = [
    ("", 0),
    ("", 3),
    ("word", 0),
    ("word", 1),
    ("  ,.;123 _ '\n\t", 4),
    ("a A a A", 2),
    ("b a c b a c", 2),
    ("Hello, hello; HELLO! hElLo", 1),
    ("x1y2z3x_y'z", 10),
    ("\x00Zz\x7fzZ\x1fAZ az", 3),
    ("The cat and the hat. THE END", 100_000),
    ("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", 2),
]


def _case(word: str, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.8:
        return word
    if roll < 0.93:
        return word.capitalize()
    if roll < 0.97:
        return word.upper()
    return "".join(c.upper() if rng.random() < 0.5 else c for c in word)


def _text(n: int, vocab: int, rng: random.Random) -> str:
    words = set()
    while len(words) < vocab:
        length = rng.randint(1, 4) + rng.randint(0, 4) + rng.randint(0, 4)
        words.add("".join(rng.choice(LOWER) for _ in range(length)))
    pool = sorted(words)
    rng.shuffle(pool)
    skew = rng.uniform(0.8, 1.2)
    weights = [1.0 / (rank + 1) ** skew for rank in range(len(pool))]
    # Each written word comes in a few casings, picked once per vocabulary entry.
    forms = [[_case(w, rng) for _ in range(3)] for w in pool]
    seps = SEPARATORS + rng.sample(PRINTABLE, 3)
    parts = []
    size = 0
    while size < n:
        for index in rng.choices(range(len(pool)), weights, k=max(1, (n - size) // 6)):
            form = forms[index][rng.randrange(3)]
            sep = rng.choice(seps)
            parts.append(form)
            parts.append(sep)
            size += len(form) + len(sep)
    return "".join(parts)[:n]


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        return EDGE_CASES[case]
    n, vocab = level.params["n"], level.params["vocab"]
    if level.index <= 0:
        n = rng.randint(0, n)
        vocab = rng.randint(1, vocab)
        if rng.random() < 0.3:
            text = "".join(rng.choice(PRINTABLE + ["\n", "\x00", "\x7f"]) for _ in range(n))
            return (text, rng.randint(0, 8))
        return (_text(n, vocab, rng), rng.randint(0, vocab + 2))
    text = _text(n, vocab, rng)
    k = rng.randint(1, 20) if rng.random() < 0.5 else rng.randint(50, 1000)
    return (text, k)
