"""Inputs for skill_roster: many staff and many jobs over the full skill
range. Staff are skill-rich and jobs ask for few skills, so that comparing
every (person, job) pair, listing every superset of each job, or every subset
of each person, are all expensive."""

import random

EDGE_CASES = [
    ([], [], 0),
    ([0, 0], [0], 0),
    ([], [1, 0], 1),
    ([1, 0, 1], [], 1),
    ([7, 7, 7], [7, 0, 5], 3),
    ([1, 2, 4], [3, 6, 1], 3),
    ([0], [0, 7], 3),
    ([5, 3, 6, 0], [1, 2, 4, 0], 3),
]


def _mask(rng: random.Random, bits: int, density: int) -> int:
    # density 0: about 1/4 of the bits set, 1: about 1/2, 2: about 3/4.
    if bits == 0:
        return 0
    if density == 0:
        return rng.getrandbits(bits) & rng.getrandbits(bits)
    if density == 1:
        return rng.getrandbits(bits)
    return rng.getrandbits(bits) | rng.getrandbits(bits)


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        staff, jobs, skills = EDGE_CASES[case]
        return (list(staff), list(jobs), skills)
    n = level.params["n"]
    skills = level.params["skills"]
    if level.index <= 0:
        skills = rng.randint(0, skills)
        staff = [_mask(rng, skills, rng.randrange(3)) for _ in range(rng.randint(0, n))]
        jobs = [_mask(rng, skills, rng.randrange(3)) for _ in range(rng.randint(0, n))]
        return (staff, jobs, skills)
    staff_density = 2 if case % 2 == 0 else 1
    staff = [_mask(rng, skills, staff_density) for _ in range(n)]
    jobs = [_mask(rng, skills, 0) for _ in range(n)]
    return (staff, jobs, skills)
