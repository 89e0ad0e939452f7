def rank_finishers(entries: list[tuple[str, int, int]]) -> list[str]:
    """Each entry is (name, points, finish_time) for one finisher of a
    scored race. Return the names in leaderboard order: more points first;
    among equal points, the smaller finish_time first; among equal points and
    finish_time, names in ascending Python string order. Names may repeat;
    each entry contributes exactly one name to the result.

    Bounds: 0 <= len(entries) <= 250_000; names are 1 to 8 lowercase ASCII
    letters; 0 <= points <= 1000; 0 <= finish_time <= 86_400.

    >>> rank_finishers([("ann", 5, 30), ("bob", 7, 40), ("cy", 5, 20), ("al", 5, 30)])
    ['bob', 'cy', 'al', 'ann']
    >>> rank_finishers([])
    []
    """
