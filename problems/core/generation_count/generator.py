"""Inputs for generation_count: bushy and very deep family trees, with queries
mostly about people high up in the tree."""

import random

EDGE_CASES = [
    ([-1], []),
    ([-1], [[0, 0], [0, 1]]),
    ([-1, 0], [[0, 1], [1, 0], [1, 1], [0, 2]]),
    ([1, -1], [[1, 1], [0, 1], [1, 0]]),
    ([-1, 0, 1, 2, 3], [[0, 4], [0, 5], [1, 3], [4, 0], [2, 1]]),
    ([-1, 0, 0, 0, 0], [[0, 1], [0, 2], [3, 0], [3, 1]]),
    ([-1, 0, 0, 1, 1, 2], [[0, 2], [1, 1], [2, 0], [5, 1], [0, 1]]),
    ([3, 3, 0, -1, 2, 1], [[3, 1], [3, 2], [3, 3], [0, 1], [1, 1]]),
]


def _tree(rng, n, shape):
    # Build in creation order, then relabel people at random.
    par = [-1] * n
    if shape == 0:
        # Random recursive tree: shallow and bushy.
        for i in range(1, n):
            par[i] = rng.randrange(i)
    elif shape == 1:
        # A few long lines with short side branches: very deep.
        for i in range(1, n):
            if rng.random() < 0.7:
                par[i] = i - 1
            else:
                par[i] = max(0, i - 1 - rng.randrange(30))
    else:
        # Each person attaches to one of the most recent ones.
        for i in range(1, n):
            par[i] = max(0, i - 1 - rng.randrange(8))
    label = list(range(n))
    rng.shuffle(label)
    parent = [0] * n
    for i in range(n):
        parent[label[i]] = -1 if par[i] < 0 else label[par[i]]
    # How many generations lie below each person (creation order).
    height = [0] * n
    for i in range(n - 1, 0, -1):
        p = par[i]
        if height[i] + 1 > height[p]:
            height[p] = height[i] + 1
    return parent, label, height


def _queries(rng, n, q, label, height):
    out = []
    for _ in range(q):
        # People created early sit high in the tree and have big families.
        i = int(n * rng.random() ** 3)
        if rng.random() < 0.9:
            k = rng.randrange(height[i] + 1)
        else:
            k = rng.randrange(n + 1)
        out.append([label[i], k])
    return out


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        parent, queries = EDGE_CASES[case]
        return (list(parent), [list(x) for x in queries])
    p = level.params
    if level.index <= 0:
        n = rng.randint(1, p["n"])
        parent, label, height = _tree(rng, n, rng.randrange(3))
        q = rng.randint(0, p["q"])
        if rng.random() < 0.3:
            return (parent, [[rng.randrange(n), rng.randrange(n + 1)] for _ in range(q)])
        return (parent, _queries(rng, n, q, label, height))
    n, q = p["n"], p["q"]
    shape = 0 if case % 2 == 0 else 1
    parent, label, height = _tree(rng, n, shape)
    return (parent, _queries(rng, n, q, label, height))
