from operator import mul


def distance_total(points: list[tuple[int, int]]) -> int:
    # The two axes add up separately. Along one axis, sorted, the k-th smallest of n
    # values is the larger of a pair k times and the smaller n - 1 - k times, so it
    # counts with the weight 2k - (n - 1): one sort and one C-level dot product per
    # axis, O(n log n).
    n = len(points)
    weights = range(1 - n, n, 2)
    xs = sorted([p[0] for p in points])
    ys = sorted([p[1] for p in points])
    return sum(map(mul, xs, weights)) + sum(map(mul, ys, weights))
