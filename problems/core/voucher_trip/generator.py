"""Inputs for voucher_trip: sparse connected road maps and long detour-heavy chains."""

import random

EDGE_CASES = [
    (1, [], 0, 0),
    (2, [], 0, 1),
    (2, [[0, 1, 5]], 0, 1),
    (3, [[0, 1, 3], [1, 2, 4]], 0, 2),
    (2, [[0, 0, 7], [0, 1, 10], [1, 0, 3]], 1, 0),
    (3, [[0, 1, 0], [1, 2, 0]], 0, 2),
    (4, [[0, 1, 1], [2, 3, 1]], 0, 3),
    (3, [[0, 1, 2], [1, 2, 2]], 1, 1),
    (3, [[0, 1, 10**9], [1, 2, 10**9], [0, 2, 10**9]], 0, 2),
]


def _random_map(rng, n, m, max_cost):
    roads = []
    # A random spanning tree keeps most of the map connected.
    for v in range(1, n):
        roads.append([rng.randrange(v), v, rng.randint(0, max_cost)])
    while len(roads) < m:
        roads.append([rng.randrange(n), rng.randrange(n), rng.randint(0, max_cost)])
    rng.shuffle(roads)
    return roads


def _chain_map(rng, n, m, max_cost):
    # A long cheap chain, plus expensive shortcuts that the voucher may make
    # worthwhile; towns are relabelled so the chain is not in index order.
    label = list(range(n))
    rng.shuffle(label)
    small = max(1, max_cost // (4 * n))
    roads = [[label[i], label[i + 1], rng.randint(0, small)] for i in range(n - 1)]
    while len(roads) < m:
        a = rng.randrange(n)
        b = min(n - 1, a + rng.randint(1, 50))
        roads.append([label[a], label[b], rng.randint(max_cost // 2, max_cost)])
    rng.shuffle(roads)
    return roads, label[0], label[n - 1]


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        n, roads, start, goal = EDGE_CASES[case]
        return (n, [list(r) for r in roads], start, goal)
    p = level.params
    if level.index <= 0:
        n = rng.randint(1, p["n"])
        m = rng.randint(0, p["m"])
        cost = p["max_cost"]
        roll = rng.random()
        if n > 2 and roll < 0.5:
            # A line from start to goal plus a few random extra roads.
            label = list(range(n))
            rng.shuffle(label)
            roads = [[label[i], label[i + 1], rng.randint(1, cost)] for i in range(n - 1)]
            for _ in range(rng.randint(0, 3)):
                roads.append([rng.randrange(n), rng.randrange(n), rng.randint(0, cost)])
            rng.shuffle(roads)
            return (n, roads, label[0], label[-1])
        if n > 2 and roll < 0.75:
            roads = _random_map(rng, n, max(m, n - 1), cost)
        else:
            roads = [[rng.randrange(n), rng.randrange(n), rng.randint(0, cost)] for _ in range(m)]
        start = rng.randrange(n)
        goal = rng.randrange(n)
        if n > 1 and goal == start and rng.random() < 0.8:
            goal = (start + 1) % n
        return (n, roads, start, goal)
    n, m = p["n"], p["m"]
    if case % 2 == 0:
        return (n, _random_map(rng, n, m, p["max_cost"]), rng.randrange(n), rng.randrange(n))
    roads, start, goal = _chain_map(rng, n, m, p["max_cost"])
    return (n, roads, start, goal)
