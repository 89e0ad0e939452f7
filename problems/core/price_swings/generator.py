"""Inputs for price_swings: long rising and falling trends, plateaus and
sawtooth stretches, so that scanning outwards from each day until a larger or
smaller price appears takes a long time, while the answer stays nontrivial."""

import random

EDGE_CASES = [
    [],
    [5],
    [3, 3, 3],
    [1, 2],
    [2, 1],
    [1, 3, 2],
    [0, 10**9, 0, 10**9],
    [5, 4, 3, 2, 1, 2, 3, 4, 5],
]


def _trend_walk(n: int, top: int, rng: random.Random) -> list[int]:
    out: list[int] = []
    price = rng.randint(0, top)
    step = max(1, top // max(1, n // 4))
    while len(out) < n:
        kind = rng.random()
        length = rng.randint(1, max(1, n // rng.choice((4, 10, 40))))
        if kind < 0.4:  # steady trend up or down
            direction = rng.choice((-1, 1))
            for _ in range(length):
                price += direction * rng.randint(0, step)
                price = min(top, max(0, price))
                out.append(price)
        elif kind < 0.55:  # plateau
            out.extend([price] * length)
        elif kind < 0.8:  # sawtooth around the current level
            width = rng.randint(1, step * 8)
            for t in range(length):
                out.append(min(top, max(0, price + (t % 7) * width // 7 - width // 2)))
        else:  # noise
            for _ in range(length):
                out.append(min(top, max(0, price + rng.randint(-step * 4, step * 4))))
    del out[n:]
    return out


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        return (list(EDGE_CASES[case]),)
    n, top = level.params["n"], level.params["top"]
    if level.index <= 0:
        n = rng.randint(0, n) if rng.random() < 0.2 else rng.randint(n // 2, n)
        return ([rng.randint(0, top) for _ in range(n)],)
    return (_trend_walk(n, top, rng),)
