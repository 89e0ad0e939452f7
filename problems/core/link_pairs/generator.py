"""Inputs for link_pairs: random cable plans and chain-building orders."""

import random

EDGE_CASES = [
    (1, []),
    (1, [[0, 0]]),
    (5, []),
    (2, [[0, 1], [1, 0], [0, 1]]),
    (4, [[0, 1], [2, 3], [1, 0], [1, 2]]),
    (5, [[0, 1], [1, 2], [2, 3], [3, 4], [4, 0]]),
    (6, [[5, 4], [4, 3], [3, 2], [2, 1], [1, 0]]),
    (6, [[0, 1], [2, 3], [4, 5], [0, 2], [2, 4]]),
    (3, [[2, 2], [1, 1], [0, 0]]),
]


def _chain_plan(rng, n, m):
    # Cables that grow long chains, joined in an order that punishes naive
    # linking, then random extra cables (mostly inside existing groups).
    label = list(range(n))
    rng.shuffle(label)
    cables = []
    step = 1
    while step < n and len(cables) < m:
        for i in range(0, n - step, 2 * step):
            if len(cables) >= m:
                break
            cables.append([label[i + step], label[i]])
        step *= 2
    while len(cables) < m:
        cables.append([rng.randrange(n), rng.randrange(n)])
    return cables


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        n, cables = EDGE_CASES[case]
        return (n, [list(c) for c in cables])
    p = level.params
    if level.index <= 0:
        n = rng.randint(1, p["n"])
        m = rng.randint(0, p["m"])
        return (n, [[rng.randrange(n), rng.randrange(n)] for _ in range(m)])
    n, m = p["n"], p["m"]
    if case % 2 == 0:
        return (n, [[rng.randrange(n), rng.randrange(n)] for _ in range(m)])
    return (n, _chain_plan(rng, n, m))
