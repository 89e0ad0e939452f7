from bisect import bisect_right


def min_spray_radius(beds: list[int], sprinklers: int) -> int:
    # Distinct positions in order; binary search the reach. Each feasibility
    # test greedily opens a sprinkler at the first dry bed and jumps past its
    # reach with a C-level bisect, so it costs O(min(k, n) log n) and stops
    # as soon as more than k sprinklers would be needed.
    xs = sorted(set(beds))
    n = len(xs)
    k = sprinklers
    if n <= k:
        return 0
    first, last = xs[0], xs[-1]

    def fits(width: int) -> bool:
        i = 0
        for _ in range(k):
            i = bisect_right(xs, xs[i] + width, i)
            if i >= n:
                return True
        return False

    def fits_scan(width: int) -> bool:
        used = 1
        limit = first + width
        for x in xs:
            if x > limit:
                used += 1
                if used > k:
                    return False
                limit = x + width
        return True

    test = fits if k * n.bit_length() < 2 * n else fits_scan
    # Every group of k consecutive gaps' span is at most ceil(total / k) wide,
    # which is therefore always enough.
    lo, hi = 0, -(-(last - first) // k)
    # The widest group needs at least the span left after removing the k - 1
    # widest gaps, shared between k groups.
    gaps = sorted([b - a for a, b in zip(xs, xs[1:])], reverse=True)
    lo = max(0, (last - first - sum(gaps[: k - 1])) // k)
    while lo < hi:
        mid = (lo + hi) // 2
        if test(mid):
            hi = mid
        else:
            lo = mid + 1
    return (lo + 1) // 2
