"""Inputs for trace_alignment: two noisy copies of one underlying signal, with
a skip cost comparable to typical mismatches so that pairing and skipping
both occur in optimal alignments."""

import random

EDGE_CASES = [
    ([], [], 5),
    ([3], [], 4),
    ([], [0, 0, 0], 1),
    ([7], [7], 0),
    ([0], [10**6], 10**6),
    ([1, 2, 3], [1, 2, 3], 100),
    ([5, 5, 5, 5], [5, 5], 2),
    ([1, 100, 2], [1, 2], 0),
]


def _noisy_copy(rng: random.Random, signal: list, spread: int, noise: int) -> list:
    out = []
    for value in signal:
        roll = rng.random()
        if roll < 0.08:
            continue  # missing sample
        if roll < 0.16:
            out.append(rng.randint(0, spread))  # spurious sample
        out.append(min(spread, max(0, value + rng.randint(-noise, noise))))
    return out


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        first, second, skip = EDGE_CASES[case]
        return (list(first), list(second), skip)
    n = level.params["n"]
    spread = level.params["value_range"]
    if level.index <= 0:
        first = [rng.randint(0, spread) for _ in range(rng.randint(0, n))]
        second = [rng.randint(0, spread) for _ in range(rng.randint(0, n))]
        return (first, second, rng.randint(0, spread))
    signal = []
    value = rng.randint(0, spread)
    step = max(1, spread // 20)
    for _ in range(n):
        value = min(spread, max(0, value + rng.randint(-step, step)))
        signal.append(value)
    noise = max(1, spread // 50)
    first = _noisy_copy(rng, signal, spread, noise)[:n]
    second = _noisy_copy(rng, signal, spread, noise)[:n]
    if case % 2 == 1:
        # Unequal lengths: the shorter trace lost a block of samples.
        cut = rng.randint(n // 10, n // 4)
        start = rng.randint(0, len(second) - cut)
        second = second[:start] + second[start + cut :]
    if case % 2 == 0:
        skip = rng.randint(noise, 3 * noise)
    else:
        skip = rng.randint(spread // 40, spread // 8)
    return (first, second, skip)
