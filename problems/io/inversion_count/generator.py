"""Inputs for inversion_count: uniform values, lists full of repeats, and lists that
run mostly downhill (many inversions) or mostly uphill (few)."""

import random

# Written by hand: empty and one-element lists, two elements either way, all equal,
# already sorted, reversed, reversed with repeats, the extreme values, and alternation.
EDGE_CASES = [
    [],
    [5],
    [2, 1],
    [1, 2],
    [7, 7, 7, 7, 7],
    [1, 2, 3, 4, 5, 6],
    [6, 5, 4, 3, 2, 1],
    [3, 3, 2, 2, 1, 1],
    [10**9, -(10**9), 10**9, -(10**9), 0],
    [0, 1, 0, 1, 0, 1, 0],
]


def render(values: list[int]) -> str:
    return f"{len(values)}\n" + " ".join(map(str, values)) + "\n"


def trending(n: int, spread: int, rng: random.Random) -> list[int]:
    """A slope (up or down) with noise about a tenth of its height, clipped to the range."""
    step = max(1, 2 * spread // max(n, 1))
    start = spread if rng.random() < 0.7 else -spread
    sign = -1 if start > 0 else 1
    noise = max(1, n * step // 10)
    values = []
    for i in range(n):
        value = start + sign * i * step + rng.randint(-noise, noise)
        values.append(max(-spread, min(spread, value)))
    return values


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        return (render(EDGE_CASES[case]),)
    n, spread = level.params["n"], level.params["value_range"]
    if level.index <= 0:
        n = rng.randint(0, n)
        return (render([rng.randint(-spread, spread) for _ in range(n)]),)
    if case % 2 == 0:
        return (render([rng.randint(-spread, spread) for _ in range(n)]),)
    # Odd cases: a noisy slope, then a stretch of values from a small pool (repeats).
    values = trending(n - n // 4, spread, rng)
    pool = [rng.randint(-spread, spread) for _ in range(50)]
    values += [rng.choice(pool) for _ in range(n // 4)]
    return (render(values),)
