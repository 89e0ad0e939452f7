"""Inputs for release_order: versions share long common prefixes (few majors
and minors, many patches and build numbers of varying digit counts), so string
order and numeric order differ and comparisons often run deep."""

import random

EDGE_CASES = [
    [],
    ["7"],
    ["1.2", "1.2", "1.2"],
    ["1.2.0", "1.2", "1.2.0.0", "1"],
    ["10", "9", "100", "0"],
    ["999999.999999.999999.999999.999999.999999", "0.0.0.0.0.0", "999999"],
    ["3.1.4", "3.1.10", "3.1.9", "3.10", "3.9.99"],
    ["0", "0.0", "0.1", "0.0.1"],
]


def _version(parts: int, top: int, rng: random.Random) -> str:
    count = rng.randint(1, parts)
    fields = []
    for position in range(count):
        # Early positions draw from few values, later ones from wider ranges
        # with mixed digit counts.
        if position == 0:
            value = rng.randint(0, min(top, 3))
        elif position == 1:
            value = rng.randint(0, min(top, 12))
        else:
            digits = rng.randint(1, len(str(top)))
            value = rng.randint(0, min(top, 10**digits - 1))
        fields.append(str(value))
    return ".".join(fields)


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        return (list(EDGE_CASES[case]),)
    p = level.params
    n, parts, top = p["n"], p["parts"], p["top"]
    if level.index <= 0:
        n = rng.randint(0, n) if rng.random() < 0.2 else rng.randint(n // 2, n)
    versions = [_version(parts, top, rng) for _ in range(n)]
    # Some exact repeats.
    for _ in range(n // 20):
        versions[rng.randrange(n)] = versions[rng.randrange(n)]
    return (versions,)
