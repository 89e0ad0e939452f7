from bisect import bisect_right


def min_spray_radius(beds: list[int], sprinklers: int) -> int:
    # Sort once, then binary search the width 2r of the widest group. A
    # feasibility test greedily opens a sprinkler at the first dry bed and jumps
    # past its reach with a C-level bisect (first inside a short window, as
    # jumps are usually about n / k beds long), so it costs O(min(k, n) log n)
    # and stops once k sprinklers are used. For large k a plain scan is cheaper.
    n = len(beds)
    k = sprinklers
    if n <= k:
        return 0
    xs = sorted(beds)
    first, last = xs[0], xs[-1]
    step = 2 * (n // k) + 2

    def jumps(width: int) -> bool:
        i = 0
        for _ in range(k):
            target = xs[i] + width
            j = i + step
            if j < n and xs[j] > target:
                i = bisect_right(xs, target, i, j)
            else:
                i = bisect_right(xs, target, i)
                if i >= n:
                    return True
        return False

    def scan(width: int) -> bool:
        used = 1
        limit = first + width
        for x in xs:
            if x > limit:
                used += 1
                if used > k:
                    return False
                limit = x + width
        return True

    fits = jumps if k * n.bit_length() < 2 * n else scan
    # Greedy groups of width ceil(span / k) always reach the last bed.
    lo, hi = 0, -(-(last - first) // k)
    while lo < hi:
        mid = (lo + hi) // 2
        if fits(mid):
            hi = mid
        else:
            lo = mid + 1
    return (lo + 1) // 2
