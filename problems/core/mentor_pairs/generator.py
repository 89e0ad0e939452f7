"""Inputs for mentor_pairs: more mentors than students, and a crowd of mentors who
all ask for the same few popular students, so many mentors stay unpaired and the
alternating routes between mentors and students grow long."""

import random

EDGE_CASES = [
    (0, 0, []),
    (2, 0, []),
    (0, 3, []),
    (3, 3, []),
    (1, 1, [(0, 0)]),
    (1, 1, [(0, 0), (0, 0), (0, 0)]),
    (4, 1, [(0, 0), (1, 0), (2, 0), (3, 0)]),
    (1, 4, [(0, 3), (0, 2), (0, 1), (0, 0)]),
    (3, 3, [(0, 0), (0, 1), (1, 0), (2, 1), (2, 2), (1, 0)]),
    (4, 4, [(m, s) for m in range(4) for s in range(4)]),
]


def _pairs(
    rng: random.Random, mentors: int, students: int, degree: int, crowd: int, popular: int
) -> list[tuple[int, int]]:
    if not mentors or not students:
        return []
    popular = max(1, min(popular, students))
    crowd = min(crowd, mentors)
    mentor_ids = list(range(mentors))
    student_ids = list(range(students))
    rng.shuffle(mentor_ids)
    rng.shuffle(student_ids)
    favourites = student_ids[:popular]
    allowed = []
    for rank, m in enumerate(mentor_ids):
        pool = favourites if rank < crowd else student_ids
        for _ in range(rng.randint(1, 2 * degree)):
            allowed.append((m, rng.choice(pool)))
    rng.shuffle(allowed)
    return allowed


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        mentors, students, allowed = EDGE_CASES[case]
        return (mentors, students, list(allowed))
    p = level.params
    mentors, students, degree = p["mentors"], p["students"], p["degree"]
    crowd, popular = p["crowd"], p["popular"]
    if level.index <= 0:
        mentors, students = rng.randint(0, mentors), rng.randint(0, students)
        degree, crowd = rng.randint(1, degree), rng.randint(0, crowd)
        popular = rng.randint(1, popular)
    return (mentors, students, _pairs(rng, mentors, students, degree, crowd, popular))
