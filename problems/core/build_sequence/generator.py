"""Inputs for build_sequence: random rule sets over a hidden valid order, with
long forced chains, and (on small inputs) occasional cycles."""

import random

EDGE_CASES = [
    (0, []),
    (1, []),
    (1, [[0, 0]]),
    (3, []),
    (3, [[2, 1], [1, 0]]),
    (3, [[0, 1], [1, 2], [2, 0]]),
    (4, [[3, 0], [2, 1], [3, 0]]),
    (5, [[4, 0], [4, 1], [3, 0]]),
    (4, [[0, 1], [1, 2], [2, 1], [0, 3]]),
]


def _rules_over_order(rng, n, m, chain):
    hidden = list(range(n))
    rng.shuffle(hidden)
    rules = []
    if chain:
        # A long chain through most modules in the hidden order, so the
        # answer is far from sorted order.
        picked = sorted(rng.sample(range(n), n // 2))
        for i in range(len(picked) - 1):
            rules.append([hidden[picked[i]], hidden[picked[i + 1]]])
    rand = rng.random
    while len(rules) < m:
        i = int(rand() * n)
        if rand() < 0.7:
            # Mostly short-range rules, which keep many modules waiting.
            j = i + 1 + int(rand() * 20)
            if j >= n:
                continue
        else:
            j = int(rand() * n)
            if i == j:
                continue
            if i > j:
                i, j = j, i
        rules.append([hidden[i], hidden[j]])
    rng.shuffle(rules)
    return rules


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        n, rules = EDGE_CASES[case]
        return (n, [list(r) for r in rules])
    p = level.params
    if level.index <= 0:
        n = rng.randint(1, p["n"])
        m = rng.randint(0, p["m"]) if n > 1 else 0
        rules = _rules_over_order(rng, n, m, rng.random() < 0.3)
        if rules and rng.random() < p["cycle"]:
            a, b = rng.choice(rules)
            rules.append([b, a])
        return (n, rules)
    n, m = p["n"], p["m"]
    return (n, _rules_over_order(rng, n, m, case % 2 == 1))
