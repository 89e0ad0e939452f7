"""Inputs for session_stats: users whose activity follows a skewed law (a few
very active users, many occasional ones); each user's actions come in bursts
whose inner spacing is at most the gap, now and then exactly the gap or a
repeated timestamp, with pauses longer than the gap between bursts. The events
of all users are shuffled together."""

import random
from collections import Counter

ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
TOP = 10**9

EDGE_CASES = [
    ([], 0),
    ([("a", 0)], 0),
    ([("solo", 10**9)], 10**6),
    ([("u", 5), ("u", 5), ("u", 5)], 0),
    ([("u", 1), ("u", 2), ("u", 3)], 0),
    ([("x", 0), ("x", 10), ("x", 20)], 10),
    ([("x", 20), ("x", 0), ("x", 11)], 10),
    ([("a", 3), ("b", 3), ("a", 100), ("b", 4), ("a", 0)], 3),
    ([("p", 0), ("p", 10**9), ("q", 10**9), ("q", 0)], 10**6),
    ([("m", 0), ("m", 10**6), ("m", 2 * 10**6 + 1), ("m", 3 * 10**6 + 1)], 10**6),
    ([("ann", 50), ("bob", 7), ("ann", 10), ("ann", 20), ("ann", 100)], 30),
    ([("zzzzzzzzzzzz", 7), ("0", 7), ("zzzzzzzzzzzz", 9), ("0", 99)], 1),
]


def _users(count: int, rng: random.Random) -> list[str]:
    names: set[str] = set()
    while len(names) < count:
        size = min(12, rng.randint(1, 6) + rng.randint(0, 6))
        names.add("".join(rng.choice(ALPHABET) for _ in range(size)))
    pool = sorted(names)
    rng.shuffle(pool)
    return pool


def _events(n: int, users: int, gap: int, rng: random.Random) -> list[tuple[str, int]]:
    pool = _users(users, rng)
    skew = rng.uniform(0.6, 1.1)
    weights = [1.0 / (rank + 1) ** skew for rank in range(users)]
    per_user = Counter(rng.choices(range(users), weights, k=n))
    new_session = rng.choice((0.03, 0.1, 0.3))
    events = []
    for index, count in per_user.items():
        user = pool[index]
        t = rng.randint(0, TOP // 10)
        for _ in range(count):
            roll = rng.random()
            if roll < new_session:
                t += rng.randint(gap + 1, 40 * gap + 1)
            elif roll < new_session + 0.05:
                t += gap
            elif roll > 0.95:
                pass  # the same timestamp again
            else:
                t += rng.randint(0, gap)
            events.append((user, min(t, TOP)))
    rng.shuffle(events)
    return events


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        events, gap = EDGE_CASES[case]
        return (list(events), gap)
    p = level.params
    n, users, gap = p["n"], p["users"], p["gap"]
    if level.index <= 0:
        n = rng.randint(0, n)
        users = rng.randint(1, users)
        gap = rng.randint(0, gap)
        return (_events(n, users, gap, rng), gap)
    gap = rng.randint(gap // 2, gap)
    return (_events(n, users, gap, rng), gap)
