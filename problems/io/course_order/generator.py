"""Inputs for course_order: long chains against the label order, cycles, self-loops and
repeated pairs at level 0; large acyclic instances built around long chains after."""

import random

# (n, pairs) written by hand: the cases a solution most often gets wrong.
EDGE_CASES = [
    (1, []),  # one course, nothing to respect
    (6, [(6, 5), (5, 4), (4, 3), (3, 2), (2, 1)]),  # a chain against the label order
    (2, [(1, 2), (2, 1)]),  # a cycle of two
    (3, [(2, 2)]),  # a course that must precede itself
    (3, [(3, 1), (3, 1), (3, 1)]),  # one pair repeated
    (5, []),  # no pairs: every order is valid
    (6, [(5, 6), (1, 2), (2, 3), (3, 4), (4, 2)]),  # a cycle behind a valid part
    (7, [(7, 1), (7, 2), (7, 3), (1, 4), (2, 4), (3, 4), (4, 5), (4, 6)]),  # a diamond
    (4, [(4, 3), (3, 2), (2, 1), (1, 4)]),  # one cycle through every course
    (5, [(2, 1), (3, 1), (4, 1), (5, 1), (5, 4), (4, 3), (3, 2)]),  # all before 1, tight
]


def render(n: int, pairs: list[tuple[int, int]]) -> str:
    lines = [f"{n} {len(pairs)}"]
    lines += [f"{a} {b}" for a, b in pairs]
    return "\n".join(lines) + "\n"


def small_random(n_max: int, m_max: int, rng: random.Random) -> str:
    n = rng.randint(1, n_max)
    order = list(range(1, n + 1))
    rng.shuffle(order)
    pairs = []
    if n >= 2:
        for _ in range(rng.randint(0, m_max)):
            i, j = sorted(rng.sample(range(n), 2))
            pairs.append((order[i], order[j]))
    roll = rng.random()
    if roll < 0.2 and pairs:
        a, b = rng.choice(pairs)
        pairs.append((b, a))  # closes a cycle
    elif roll < 0.25:
        c = rng.randint(1, n)
        pairs.append((c, c))  # a self-contradiction
    elif roll < 0.35 and pairs:
        pairs.append(rng.choice(pairs))  # a repeated pair
    rng.shuffle(pairs)
    return render(n, pairs)


def large_dag(n: int, m: int, rng: random.Random) -> str:
    """An acyclic instance: a hidden order of the courses, a few long chains through it,
    and the other pairs between random earlier and later positions."""
    order = list(range(1, n + 1))
    rng.shuffle(order)
    k = rng.randint(1, 4)  # chains of length about n / k
    pairs = [(order[i], order[i + k]) for i in range(n - k)]
    randrange = rng.randrange
    while len(pairs) < m:
        i = randrange(n - 1)
        if randrange(2):
            j = i + 1 + randrange(min(64, n - 1 - i))  # a short jump
        else:
            j = randrange(i + 1, n)  # anywhere later
        pairs.append((order[i], order[j]))
    rng.shuffle(pairs)
    return render(n, pairs)


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        n, pairs = EDGE_CASES[case]
        return (render(n, pairs),)
    n, m = level.params["n"], level.params["m"]
    if level.index <= 0:
        return (small_random(n, m, rng),)
    return (large_dag(n, m, rng),)


def check(args: tuple, expected: bytes, actual: bytes) -> bool:
    """IMPOSSIBLE exactly where the expert found no order; else any permutation of
    1..n (written in plain decimal) that puts every a before its b."""
    try:
        wanted = bytes(expected).split()
        given = bytes(actual).split()
        if wanted == [b"IMPOSSIBLE"]:
            return given == [b"IMPOSSIBLE"]
        text = args[0]
        data = (text.encode() if isinstance(text, str) else bytes(text)).split()
        n, m = int(data[0]), int(data[1])
        if len(given) != n:
            return False
        position = {token: i for i, token in enumerate(given)}
        if len(position) != n:
            return False  # a course written twice
        # Position of course c at index c; None where c's plain decimal is missing.
        at = [None, *map(position.get, (b"%d" % c for c in range(1, n + 1)))]
        if None in at[1:]:
            return False
        ends = list(map(int, data[2 : 2 + 2 * m]))
        return all(at[a] < at[b] for a, b in zip(ends[::2], ends[1::2], strict=True))
    except Exception:
        return False
