"""Inputs for range_sum_queries: ranges from single elements to the whole list."""

import random

EDGE_CASES = [
    ([], []),
    ([7], [(1, 1)]),
    ([1, 2, 3], []),
    ([-5, -5, -5], [(1, 3), (2, 2), (1, 1)]),
    ([10**9] * 4, [(1, 4), (2, 3)]),
    ([0, 1, 0, 1, 0], [(1, 5), (5, 5), (2, 4)]),
]


def render(values: list[int], queries: list[tuple[int, int]]) -> str:
    lines = [f"{len(values)} {len(queries)}", " ".join(map(str, values))]
    lines += [f"{lo} {hi}" for lo, hi in queries]
    return "\n".join(lines) + "\n"


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        values, queries = EDGE_CASES[case]
        return (render(values, queries),)
    n, q, spread = level.params["n"], level.params["q"], level.params["value_range"]
    n = rng.randint(1, n) if level.index <= 0 else n
    values = [rng.randint(-spread, spread) for _ in range(n)]
    queries = []
    for _ in range(q):
        # Long ranges mostly (the cost of summing them is what separates solutions).
        lo = rng.randint(1, max(1, n // 4)) if rng.random() < 0.8 else rng.randint(1, n)
        hi = rng.randint(max(lo, n - n // 4), n) if rng.random() < 0.8 else rng.randint(lo, n)
        queries.append((lo, hi))
    return (render(values, queries),)
