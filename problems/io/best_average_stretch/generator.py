"""Inputs for best_average_stretch: noise, planted high stretches and drifting means."""

import random

EDGE_CASES = [
    (1, [7]),  # one element
    (1, [-1000000]),  # one element at the lower extreme
    (3, [4, 4, 4, 4, 4]),  # all equal
    (1, [-3, -1, -2, -8]),  # all negative, single elements allowed
    (4, [1, 2, 3, 4]),  # k = n: the whole list
    (3, [1, 0, 0]),  # a repeating decimal
    (2, [5, -1, 5]),  # the best stretch is longer than k
    (2, [-1, -2]),  # negative half
    (2, [1000000, -1000000, 1000000, -1000000, 1000000]),  # extremes
    (3, [0, 0, 0, 1, 0, 0, 0]),  # a third
]


def render(k: int, values: list[int]) -> str:
    return f"{len(values)} {k}\n{' '.join(map(str, values))}\n"


def pick_k(n: int, rng: random.Random) -> int:
    shape = rng.random()
    if shape < 0.3:
        return rng.randint(1, min(n, 10))
    if shape < 0.6:
        return rng.randint(1, max(1, n // 20))
    if shape < 0.9:
        return rng.randint(1, n)
    return n - rng.randint(0, min(n - 1, 3))


def make_values(n: int, spread: int, rng: random.Random) -> list[int]:
    shape = rng.randrange(4)
    if shape == 0:  # plain noise
        return [rng.randint(-spread, spread) for _ in range(n)]
    if shape == 1:  # noise with a few planted stretches of higher mean
        values = [rng.randint(-spread, spread) for _ in range(n)]
        for _ in range(rng.randint(1, 4)):
            length = rng.randint(1, n)
            start = rng.randint(0, n - length)
            lift = rng.randint(0, spread // 2)
            for i in range(start, start + length):
                values[i] = min(spread, values[i] + lift)
        return values
    if shape == 2:  # a mean that drifts slowly: many nearly equal candidates
        values, mean = [], 0.0
        step = spread / max(1, n) ** 0.5
        for _ in range(n):
            mean = max(-spread / 2, min(spread / 2, mean + rng.uniform(-step, step)))
            half = spread // 2
            values.append(int(mean) + rng.randint(-half, half))
        return values
    # few distinct values (ties between stretches)
    choices = [rng.randint(-spread, spread) for _ in range(3)]
    return [rng.choice(choices) for _ in range(n)]


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        k, values = EDGE_CASES[case]
        return (render(k, values),)
    n, spread = level.params["n"], level.params["value_range"]
    n = rng.randint(1, n) if level.index <= 0 else n
    values = make_values(n, spread, rng)
    return (render(pick_k(n, rng), values),)
