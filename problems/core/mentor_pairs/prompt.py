def max_pairs(mentors: int, students: int, allowed: list[tuple[int, int]]) -> int:
    """A school pairs mentors (numbered 0 .. mentors - 1) with students
    (numbered 0 .. students - 1). allowed[k] = (m, s) says that mentor m may
    take student s; a pair may be listed more than once. Each mentor takes at
    most one student and each student has at most one mentor, and only
    allowed pairs may be formed. Return the largest number of pairs that can
    be formed at the same time.

    Bounds: 0 <= mentors, students <= 5_000; 0 <= len(allowed) <= 30_000;
    0 <= m < mentors; 0 <= s < students.

    >>> max_pairs(3, 3, [(0, 0), (0, 1), (1, 0), (2, 0)])
    2
    >>> max_pairs(2, 0, [])
    0
    """
