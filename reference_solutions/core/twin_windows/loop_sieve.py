from bisect import bisect_left, bisect_right


def twin_pairs_in_windows(windows: list[list[int]]) -> list[int]:
    # Same plan as the fast version, but the crossing-off and the scans are
    # element-by-element Python loops.
    if not windows:
        return []
    top = max(hi for _, hi in windows)
    is_prime = [True] * (top + 1)
    is_prime[0] = False
    if top >= 1:
        is_prime[1] = False
    p = 2
    while p * p <= top:
        if is_prime[p]:
            for multiple in range(p * p, top + 1, p):
                is_prime[multiple] = False
        p += 1
    starts = []
    for a in range(2, top - 1):
        if is_prime[a] and is_prime[a + 2]:
            starts.append(a)
    out = []
    for lo, hi in windows:
        k = bisect_right(starts, hi - 2) - bisect_left(starts, lo)
        out.append(max(k, 0))
    return out
