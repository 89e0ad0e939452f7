"""Inputs for pipe_capacity: layered networks (many short routes of equal length
that share pipes, so the flow is made of a great many small routes), with stray
pipes across and back between layers, some of them into the source or out of the
sink."""

import random

EDGE_CASES = [
    (2, []),
    (2, [(0, 1, 7)]),
    (2, [(1, 0, 5)]),
    (2, [(0, 1, 3), (0, 1, 4), (1, 0, 5), (0, 1, 0)]),
    (3, [(0, 1, 5), (1, 2, 0)]),
    (3, [(0, 0, 5), (0, 2, 9), (2, 2, 3), (2, 0, 4)]),
    (4, [(0, 1, 10**9), (1, 3, 10**9), (0, 2, 10**9), (2, 3, 10**9), (1, 2, 10**9)]),
    (4, [(0, 1, 100), (0, 2, 100), (1, 2, 1), (1, 3, 100), (2, 3, 100)]),
    (5, [(0, 1, 4), (1, 2, 3), (2, 0, 6), (3, 4, 8)]),
    (6, [(0, 1, 3), (0, 2, 3), (1, 2, 2), (1, 3, 3), (2, 4, 2), (3, 4, 4), (3, 5, 2), (4, 5, 3)]),
]


def _random_graph(rng: random.Random, n: int, m: int, cap: int) -> list[tuple[int, int, int]]:
    return [(rng.randrange(n), rng.randrange(n), rng.randint(0, cap)) for _ in range(m)]


def _layered(
    rng: random.Random, layers: int, width: int, degree: int, cap: int, extra: int
) -> tuple[int, list[tuple[int, int, int]]]:
    n = layers * width + 2
    sink = n - 1
    labels = list(range(1, n - 1))
    rng.shuffle(labels)
    rows = [labels[k * width : (k + 1) * width] for k in range(layers)]
    pipes = []
    for a in rows[0]:
        pipes.append((0, a, rng.randint(cap, degree * cap)))
    for here, after in zip(rows, rows[1:], strict=False):
        for a in here:
            for b in rng.sample(after, min(degree, width)):
                pipes.append((a, b, rng.randint(1, cap)))
    for a in rows[-1]:
        pipes.append((a, sink, rng.randint(cap, degree * cap)))
    # Stray pipes: across a layer, back towards the source, skipping ahead.
    for _ in range(extra):
        k = rng.randrange(layers)
        j = min(layers - 1, max(0, k + rng.choice((-2, -1, -1, 0, 1, 2))))
        a, b = rng.choice(rows[k]), rng.choice(rows[j])
        pipes.append((a, b, rng.randint(1, cap)))
    for _ in range(max(1, extra // 50)):
        pipes.append((rng.choice(labels), 0, rng.randint(1, cap)))
        pipes.append((sink, rng.choice(labels), rng.randint(1, cap)))
    rng.shuffle(pipes)
    return n, pipes


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        n, pipes = EDGE_CASES[case]
        return (n, list(pipes))
    p = level.params
    if level.index <= 0:
        # Small inputs: arbitrary graphs or small layered networks.
        if rng.random() < 0.5:
            n = rng.randint(2, p["n"])
            return (n, _random_graph(rng, n, rng.randint(0, p["m"]), p["cap"]))
        layers, width = rng.randint(1, 3), rng.randint(1, 3)
        degree = rng.randint(1, width)
        return _layered(rng, layers, width, degree, p["cap"], rng.randint(0, p["m"] // 2))
    return _layered(rng, p["layers"], p["width"], p["degree"], p["cap"], p["extra"])
