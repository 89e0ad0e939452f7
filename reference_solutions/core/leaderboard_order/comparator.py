from functools import cmp_to_key


def _compare(a, b):
    if a[1] != b[1]:
        return b[1] - a[1]
    if a[2] != b[2]:
        return a[2] - b[2]
    if a[0] < b[0]:
        return -1
    if a[0] > b[0]:
        return 1
    return 0


def rank_finishers(entries: list[tuple[str, int, int]]) -> list[str]:
    # Same O(n log n) sort, but every comparison is a Python-level call.
    ordered = sorted(entries, key=cmp_to_key(_compare))
    return [e[0] for e in ordered]
