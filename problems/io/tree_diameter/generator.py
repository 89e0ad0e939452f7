"""Inputs for tree_diameter: random, deep, path, star, binary and caterpillar trees."""

import random

# (n, edges as (u, v, w)) written by hand: a single node, one edge, a path, a star,
# equal weights, the largest weights, and trees whose longest path avoids node 1.
EDGE_CASES = [
    (1, []),
    (2, [(1, 2, 7)]),
    (2, [(2, 1, 10**9)]),
    (6, [(1, 2, 5), (2, 3, 5), (3, 4, 5), (4, 5, 5), (5, 6, 5)]),
    (6, [(1, 2, 1), (1, 3, 9), (1, 4, 4), (1, 5, 9), (1, 6, 2)]),
    (5, [(3, 1, 10**9), (3, 2, 10**9), (3, 4, 10**9), (4, 5, 10**9)]),
    (7, [(1, 2, 1), (2, 3, 100), (3, 4, 100), (2, 5, 1), (5, 6, 100), (6, 7, 100)]),
    (4, [(4, 3, 2), (3, 2, 3), (2, 1, 1)]),
]

SHAPES = ["random", "deep", "path", "star", "binary", "caterpillar", "broom"]
BUSHY = ["random", "binary", "caterpillar"]
THIN = ["deep", "path", "broom"]


def parents(shape: str, n: int, rng: random.Random) -> list[int]:
    """parent[i] for the nodes i = 2 .. n of a tree built in order 1 .. n (index 0, 1 unused)."""
    parent = [0, 0]
    spine = max(1, n // 2)
    for i in range(2, n + 1):
        if shape == "random":
            p = rng.randint(1, i - 1)
        elif shape == "deep":
            p = rng.randint(max(1, i - 3), i - 1)
        elif shape == "path":
            p = i - 1
        elif shape == "star":
            p = 1
        elif shape == "binary":
            p = i // 2
        elif shape == "caterpillar":
            p = i - 1 if i <= spine else rng.randint(1, spine)
        else:  # broom: a long handle, then bristles on its end
            p = i - 1 if i <= spine else spine
        parent.append(p)
    return parent


def random_tree(shape: str, n: int, w_max: int, rng: random.Random) -> list[tuple]:
    parent = parents(shape, n, rng)
    label = list(range(1, n + 1))
    rng.shuffle(label)
    edges = []
    for i in range(2, n + 1):
        u, v = label[i - 1], label[parent[i] - 1]
        if rng.random() < 0.5:
            u, v = v, u
        edges.append((u, v, rng.randint(1, w_max)))
    rng.shuffle(edges)
    return edges


def render(n: int, edges: list[tuple]) -> str:
    lines = [str(n)] + [f"{u} {v} {w}" for u, v, w in edges]
    return "\n".join(lines) + "\n"


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        n, edges = EDGE_CASES[case]
        return (render(n, edges),)
    n, w_max = level.params["n"], level.params["w"]
    if level.index <= 0:
        n = rng.randint(1, n)
        shape = rng.choice(SHAPES)
    else:
        # One bushy tree and one long, thin one per stress level.
        shape = rng.choice(BUSHY if case % 2 == 0 else THIN)
    return (render(n, random_tree(shape, n, w_max, rng)),)
