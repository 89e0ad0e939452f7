def longest_repeat(s: str) -> tuple[int, int]:
    # Binary search on the length; each step builds the set of all windows of
    # that length as strings, so a step costs O(n * length).
    n = len(s)
    lo, hi = 0, max(n, 1)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        windows = [s[i : i + mid] for i in range(n - mid + 1)]
        if len(set(windows)) < len(windows):
            lo = mid
        else:
            hi = mid
    if lo == 0:
        return (0, 0)
    first = {}
    best = n
    for i in range(n - lo + 1):
        w = s[i : i + lo]
        if w in first:
            best = min(best, first[w])
        else:
            first[w] = i
    return (lo, best)
