"""Inputs for one_way_districts: planted groups of nodes (a few large, many small,
many single) each closed into a cycle with extra inner roads, roads between groups
that follow one random order of the groups (a few short ones go back and merge groups),
a few self-loops and repeated roads, then labels and road order shuffled."""

import random

EDGE_CASES = [
    (0, []),
    (1, []),
    (1, [(0, 0)]),
    (3, []),
    (4, [(0, 1), (1, 2), (2, 3), (3, 0)]),
    (4, [(0, 1), (1, 2), (2, 3)]),
    (5, [(0, 1), (1, 0), (2, 3), (3, 4), (4, 2), (1, 2)]),
    (3, [(0, 1), (0, 1), (1, 0), (2, 2), (2, 2)]),
    (4, [(a, b) for a in range(4) for b in range(4) if a != b]),
    (6, [(5, 4), (4, 3), (3, 2), (2, 1), (1, 0), (0, 5)]),
]


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        n, roads = EDGE_CASES[case]
        return (n, list(roads))
    p = level.params
    n, extra = p["n"], p["extra"]
    if level.index <= 0:
        n = rng.randint(0, n)
    # Group sizes: a few large groups, then small ones and singles.
    sizes = []
    left = n
    while left > 0:
        roll = rng.random()
        if roll < 0.003:
            size = rng.randint(1, max(1, n // 8))
        elif roll < 0.5:
            size = rng.randint(2, 6)
        else:
            size = 1
        size = min(size, left)
        sizes.append(size)
        left -= size
    rng.shuffle(sizes)
    groups = []
    start = 0
    for size in sizes:
        groups.append(range(start, start + size))
        start += size
    roads = []
    for g in groups:
        if len(g) > 1:
            roads.extend(zip(g, [*g[1:], g[0]], strict=True))
            for _ in range(rng.randint(0, len(g))):
                roads.append((rng.choice(g), rng.choice(g)))
    # Roads from earlier to later groups (a DAG of groups); a few short ones go
    # back and may merge the groups in between.
    count = len(groups)
    for _ in range(int(n * extra * rng.uniform(0.8, 1.2))):
        x, y = rng.randrange(count), rng.randrange(count)
        if x != y:
            x, y = min(x, y), max(x, y)
            roads.append((rng.choice(groups[x]), rng.choice(groups[y])))
    for _ in range(rng.choice((0, 1, 3)) * max(1, n // 500) if count else 0):
        y = rng.randrange(count)
        x = max(0, y - rng.randint(1, 4))
        roads.append((rng.choice(groups[y]), rng.choice(groups[x])))
    for _ in range(rng.randint(0, max(1, n // 500))):
        if roads:
            roads.append(rng.choice(roads))
        if n:
            v = rng.randrange(n)
            roads.append((v, v))
    label = list(range(n))
    rng.shuffle(label)
    roads = [(label[a], label[b]) for a, b in roads]
    rng.shuffle(roads)
    return (n, roads)
