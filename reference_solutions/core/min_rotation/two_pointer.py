def _smallest_start(s: str) -> int:
    # Two candidate starts i and j are compared letter by letter; on a mismatch
    # after k equal letters, the loser and the k starts after it are dropped: O(n).
    n = len(s)
    if n < 2:
        return 0
    t = s + s
    i, j, k = 0, 1, 0
    while i < n and j < n and k < n:
        a = t[i + k]
        b = t[j + k]
        if a == b:
            k += 1
            continue
        if a > b:
            i += k + 1
        else:
            j += k + 1
        if i == j:
            j += 1
        k = 0
    return min(i, j)


def smallest_rotations(strings: list[str]) -> list[int]:
    return [_smallest_start(s) for s in strings]
