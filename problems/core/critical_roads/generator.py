"""Inputs for critical_roads: several separate parts plus isolated nodes; each part
is a tree of blobs (single nodes, or rings with chords that no single cut splits)
joined by roads, grown either as long chains or as bushy trees; some joining roads are
doubled (so not critical) and a few extra roads close loops across blobs. Labels,
road order and road direction are shuffled."""

import random

EDGE_CASES = [
    (0, []),
    (1, []),
    (2, [(0, 1)]),
    (2, [(0, 1), (1, 0)]),
    (3, [(0, 1), (1, 2), (2, 0)]),
    (4, [(0, 1), (1, 2), (2, 3)]),
    (5, [(3, 4)]),
    (4, [(0, 1), (1, 2), (2, 0), (2, 3)]),
    (6, [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (2, 3), (3, 2), (0, 5)]),
    (5, [(1, 0), (2, 0), (0, 3), (4, 0), (4, 0), (4, 0)]),
]


def _part(size: int, rng: random.Random, chain: bool) -> list[tuple[int, int]]:
    """Roads of one connected part on nodes 0 .. size - 1."""
    roads = []
    blobs = []
    start = 0
    while start < size:
        k = min(size - start, 1 if rng.random() < 0.5 else rng.randint(2, 7))
        nodes = list(range(start, start + k))
        start += k
        if k == 2:
            roads += [(nodes[0], nodes[1])] * 2
        elif k > 2:
            roads += list(zip(nodes, nodes[1:] + nodes[:1], strict=True))
            for _ in range(rng.randint(0, k // 2)):
                a, b = rng.sample(nodes, 2)
                roads.append((a, b))
        blobs.append(nodes)
    for j in range(1, len(blobs)):
        i = max(0, j - rng.randint(1, 3)) if chain else rng.randrange(j)
        road = (rng.choice(blobs[i]), rng.choice(blobs[j]))
        roads.append(road)
        if rng.random() < 0.1:
            roads.append(road)
    for _ in range(rng.randint(0, len(blobs) // 40)):
        a, b = rng.randrange(size), rng.randrange(size)
        if a != b:
            roads.append((a, b))
    return roads


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        n, roads = EDGE_CASES[case]
        return (n, list(roads))
    n = level.params["n"]
    if level.index <= 0:
        n = rng.randint(0, n)
    roads = []
    start = 0
    while start < n:
        roll = rng.random()
        if roll < 0.1:
            size = 1
        elif roll < 0.6:
            size = rng.randint(2, 8)
        else:
            size = rng.randint(1, max(1, n // 3))
        size = min(size, n - start)
        chain = rng.random() < 0.5
        roads += [(start + a, start + b) for a, b in _part(size, rng, chain)]
        start += size
    label = list(range(n))
    rng.shuffle(label)
    roads = [(label[a], label[b]) if rng.random() < 0.5 else (label[b], label[a]) for a, b in roads]
    rng.shuffle(roads)
    return (n, roads)
