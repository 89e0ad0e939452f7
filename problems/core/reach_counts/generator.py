"""Inputs for reach_counts: acyclic graphs over a hidden shuffled order, with most
edges to nearby later nodes and some long jumps, so that most nodes reach a large
share of the graph; a few edges are repeated and a few nodes are left alone."""

import random

EDGE_CASES = [
    (0, []),
    (1, []),
    (3, []),
    (2, [(0, 1)]),
    (2, [(1, 0), (1, 0)]),
    (5, [(0, 1), (1, 2), (2, 3), (3, 4)]),
    (5, [(4, 3), (3, 2), (2, 1), (1, 0), (4, 0)]),
    (6, [(u, v) for u in range(6) for v in range(u + 1, 6)]),
    (6, [(u, 5) for u in range(5)]),
    (7, [(3, u) for u in range(7) if u != 3]),
]


def _dag(rng: random.Random, n: int, m: int, window: int, jump: float) -> list[tuple[int, int]]:
    if n < 2:
        return []
    order = list(range(n))
    rng.shuffle(order)
    edges = []
    for _ in range(m):
        a = rng.randrange(n - 1)
        if rng.random() < jump:
            b = rng.randint(a + 1, n - 1)
        else:
            b = min(n - 1, a + rng.randint(1, window))
        edges.append((order[a], order[b]))
    for _ in range(m // 50):  # repeated edges
        edges.append(rng.choice(edges))
    rng.shuffle(edges)
    return edges


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        n, edges = EDGE_CASES[case]
        return (n, list(edges))
    p = level.params
    n, m, window, jump = p["n"], p["m"], p["window"], p["jump"]
    if level.index <= 0:
        n = rng.randint(0, n)
        m = rng.randint(0, m)
        window = rng.randint(1, window)
    return (n, _dag(rng, n, m, window, jump))
