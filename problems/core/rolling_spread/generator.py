"""Inputs for rolling_spread: sensor-like signals (an offset far from zero, a slow
wave, noise whose size changes from stretch to stretch, rare spikes), so that the
windows' deviations are small against the values themselves and naive sums of
squares lose digits."""

import math
import random

EDGE_CASES = [
    ([], 1),
    ([3.25], 1),
    ([3.25], 2),
    ([0.1] * 7, 3),
    ([999_999.9] * 6, 4),
    ([-(10.0**6), 10.0**6, -(10.0**6), 10.0**6], 2),
    ([1.0, 2.0, 3.0, 4.0, 5.0], 5),
    ([123_456.75, 123_456.5, 123_456.25, 123_456.0, 123_456.5], 3),
]


def check(args: tuple, expected, actual) -> bool:
    """Each window's answer within 1e-6 (relative above 1) of the expert's, or its
    square within 1e-11 * max|v|**2 of the expert's variance (rounding in sums of
    squares grows with the size of the values, not with their spread)."""
    try:
        if type(actual) is not list or len(actual) != len(expected):
            return False
        values = args[0]
        scale = max(1.0, max(map(abs, values))) if values else 1.0
        slack = 1e-11 * scale * scale
        for want, got in zip(expected, actual, strict=True):
            if type(got) not in (float, int) or not math.isfinite(got):
                return False
            if abs(got - want) <= 1e-6 * max(1.0, want):
                continue
            if abs(got * got - want * want) > slack:
                return False
        return True
    except Exception:
        return False


def _signal(n: int, rng: random.Random) -> list[float]:
    offset = rng.uniform(-20_000.0, 20_000.0)
    wave = rng.uniform(0.0, 500.0)
    period = rng.uniform(50.0, 5000.0)
    phase = rng.uniform(0.0, 2 * math.pi)
    step = 2 * math.pi / period
    values = []
    while len(values) < n:
        noise = rng.choice((1.0, 3.0, 10.0, 30.0, 100.0))
        for _ in range(rng.randint(1, max(1, n // 6))):
            i = len(values)
            v = offset + wave * math.sin(phase + i * step) + rng.gauss(0.0, noise)
            if rng.random() < 0.001:
                v += rng.choice((-1.0, 1.0)) * rng.uniform(1000.0, 5000.0)
            values.append(round(v, 3))
    del values[n:]
    return values


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        values, k = EDGE_CASES[case]
        return (list(values), k)
    p = level.params
    n, k_low, k_high = p["n"], p["k_low"], p["k_high"]
    if level.index <= 0:
        n = rng.randint(0, n)
        k = rng.randint(k_low, k_high)
        if rng.random() < 0.3:
            return ([round(rng.uniform(-10.0, 10.0), 2) for _ in range(n)], k)
        return (_signal(n, rng), k)
    return (_signal(n, rng), rng.randint(k_low, k_high))
