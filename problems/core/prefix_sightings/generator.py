"""Inputs for prefix_sightings: highly periodic recordings whose period the call
sign follows for a long stretch, so that checking each start position letter by
letter costs about len(recording) * len(call_sign)."""

import random

EDGE_CASES = [
    ("", "a"),
    ("a", "a"),
    ("a", "b"),
    ("aaaa", "aaaaaa"),
    ("aaaaaaaa", "aa"),
    ("abcabcab", "abcabd"),
    ("zzz", "z"),
    ("abababab", "ababab"),
]


def _periodic(rng: random.Random, length: int, letters: str, period: int) -> str:
    unit = "".join(rng.choice(letters) for _ in range(period))
    reps = length // period + 1
    return (unit * reps)[:length]


def _mutate(rng: random.Random, s: str, letters: str, count: int) -> str:
    if not s or count <= 0:
        return s
    chars = list(s)
    for _ in range(count):
        chars[rng.randrange(len(chars))] = rng.choice(letters)
    return "".join(chars)


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        recording, call_sign = EDGE_CASES[case]
        return (recording, call_sign)
    n = level.params["n"]
    m = level.params["m"]
    letters = "abcdefghijklmnopqrstuvwxyz"[: level.params["alphabet"]]
    if level.index <= 0:
        # Small random inputs, often periodic so that long openings repeat.
        n_here = rng.randint(0, n)
        m_here = rng.randint(1, m)
        if rng.random() < 0.5:
            period = rng.randint(1, 3)
            base = _periodic(rng, n_here + m_here, letters, period)
            recording = _mutate(rng, base[:n_here], letters, rng.randint(0, 2))
            call_sign = _mutate(rng, base[:m_here], letters, rng.randint(0, 1))
        else:
            recording = "".join(rng.choice(letters) for _ in range(n_here))
            call_sign = "".join(rng.choice(letters) for _ in range(m_here))
        return (recording, call_sign)
    # Stress: a short period, a few scattered defects in the recording, the
    # call sign following the period for most of its length.
    period = rng.randint(1, 3) if case % 2 == 0 else rng.randint(4, 9)
    base = _periodic(rng, n + m, letters, period)
    recording = _mutate(rng, base[:n], letters, rng.randint(3, 12))
    call_sign = base[:m]
    if case % 2 == 1:
        # A late defect in the call sign: long openings match, full one rarely.
        pos = rng.randint(m - m // 8, m - 1)
        other = [c for c in letters if c != call_sign[pos]]
        call_sign = call_sign[:pos] + rng.choice(other) + call_sign[pos + 1 :]
    return (recording, call_sign)
