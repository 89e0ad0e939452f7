"""Inputs for window_distinct: windows from one element to the whole list, values
drawn from pools small enough that windows repeat values."""

import random

# (k, values) written by hand: one element, windows of 1 and of the whole list, all
# equal, all distinct, extreme values, and values that recur exactly k apart.
EDGE_CASES = [
    (1, [42]),
    (1, [3, 3, -1, 0]),
    (5, [9, 8, 7, 6, 5]),
    (3, [4, 4, 4, 4, 4, 4]),
    (4, [1, 2, 3, 4, 5, 6, 7]),
    (2, [-(10**9), 10**9, -(10**9), -(10**9), 10**9]),
    (3, [1, 2, 3, 1, 2, 3, 1]),
    (4, [1, 2, 3, 1, 2, 3, 1]),
    (2, [5, 5, 1, 5, 5]),
    (6, [0, 1, 0, 1, 0, 1, 2, 2]),
]


def render(k: int, values: list[int]) -> str:
    return f"{len(values)} {k}\n" + " ".join(map(str, values)) + "\n"


def pooled_values(n: int, pool_size: int, spread: int, runs: bool, rng: random.Random):
    pool = [rng.randint(-spread, spread) for _ in range(pool_size)]
    values: list[int] = []
    while len(values) < n:
        value = rng.choice(pool)
        values += [value] * (rng.randint(1, 4) if runs else 1)
    return values[:n]


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        k, values = EDGE_CASES[case]
        return (render(k, values),)
    n, spread = level.params["n"], level.params["value_range"]
    if level.index <= 0:
        n = rng.randint(1, n)
        k = rng.randint(1, n)
        values = [rng.randint(-spread, spread) for _ in range(n)]
        return (render(k, values),)
    # Long windows (the cost of rescanning one is what separates solutions), values from
    # a pool about the window's size, so that windows hold both repeats and new values.
    k = rng.randint(n // 10, n // 3)
    pool_size = rng.randint(k // 3, 2 * k)
    return (render(k, pooled_values(n, pool_size, spread, case % 2 == 1, rng)),)
