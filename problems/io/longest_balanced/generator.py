"""Inputs for longest_balanced: fair and biased coin flips, balanced blocks that tie for
the longest stretch, and deep nesting."""

import random

# Written by hand, several strings per input: single brackets, one pair, unmatched
# brackets only, ties between stretches, nesting, and pieces that almost close.
EDGE_CASES = [
    ["("],
    [")"],
    ["()"],
    [")(", "((((", "))))"],
    ["()()()", "(())", "((()))"],
    ["(()", "())", ")()())"],
    ["()(()", "(()())", "())(())"],
    ["()" + ")" + "()" + "(" + "()"],
    ["(" * 20 + ")" * 20, ")" * 7 + "(" * 7],
    ["(())" + ")" + "()()" + "(" + "(())", "()((())"],
]

TO_BRACKETS = str.maketrans("01", "()")


def render(strings: list[str]) -> str:
    return f"{len(strings)}\n" + "\n".join(strings) + "\n"


def coin(length: int, rng: random.Random) -> str:
    """Fair coin flips; half the time a third of the string leans 3 to 1 one way."""
    bits = rng.getrandbits(length)
    if length >= 3 and rng.random() < 0.5:
        span = length // 3
        window = ((1 << span) - 1) << rng.randint(0, length - span)
        other = rng.getrandbits(length)
        leaning = bits | other if rng.random() < 0.5 else bits & other
        bits = (bits & ~window) | (leaning & window)
    return format(bits, f"0{length}b").translate(TO_BRACKETS)


def balanced_piece(half: int, rng: random.Random) -> str:
    """A balanced string of length 2 * half: a shuffled walk, rotated at its lowest point."""
    steps = [1] * half + [-1] * half
    rng.shuffle(steps)
    level, lowest, cut = 0, 0, 0
    for i, step in enumerate(steps):
        level += step
        if level < lowest:
            lowest, cut = level, i + 1
    steps = steps[cut:] + steps[:cut]
    return "".join("(" if step > 0 else ")" for step in steps)


def blocks(length: int, rng: random.Random) -> str:
    """Balanced pieces from a small pool, now and then one stray bracket between them."""
    pool = [balanced_piece(rng.randint(1, 6), rng) for _ in range(rng.randint(1, 4))]
    stray = rng.choice([0.02, 0.1, 0.3])
    parts: list[str] = []
    size = 0
    while size < length:
        part = rng.choice("()") if rng.random() < stray else rng.choice(pool)
        parts.append(part)
        size += len(part)
    return "".join(parts)[:length]


def nested(length: int, rng: random.Random) -> str:
    """A deep opening run, fair flips in the middle, a deep closing run."""
    depth = rng.randint(length // 4, length // 2)
    middle = coin(length - 2 * depth, rng) if length > 2 * depth else ""
    return "(" * depth + middle + ")" * depth


def make(length: int, rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.45:
        return coin(length, rng)
    if kind < 0.8:
        return blocks(length, rng)
    return nested(length, rng)


def split(total: int, parts: int, rng: random.Random) -> list[int]:
    """`parts` lengths >= 1 that add up to `total`."""
    cuts = sorted(rng.sample(range(1, total), parts - 1)) if parts > 1 else []
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        return (render(EDGE_CASES[case]),)
    n, t = level.params["n"], level.params["t"]
    if level.index <= 0:
        count = rng.randint(1, t)
        return (render([make(rng.randint(1, n), rng) for _ in range(count)]),)
    if case % 2 == 0:
        # One long string: fair flips (long stretches, found only by a linear pass).
        return (render([coin(n, rng)]),)
    return (render([make(length, rng) for length in split(n, t, rng)]),)
