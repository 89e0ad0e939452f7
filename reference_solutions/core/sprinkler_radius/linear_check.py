def min_spray_radius(beds: list[int], sprinklers: int) -> int:
    # Binary search over the whole value range with a full greedy pass per
    # test: O(n log n + n log V).
    xs = sorted(beds)
    if not xs:
        return 0

    def fits(r: int) -> bool:
        used = 0
        reach = -1
        for x in xs:
            if x > reach:
                used += 1
                reach = x + 2 * r
        return used <= sprinklers

    lo, hi = 0, xs[-1] - xs[0]
    while lo < hi:
        mid = (lo + hi) // 2
        if fits(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo
