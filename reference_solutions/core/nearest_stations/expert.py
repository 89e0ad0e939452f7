from itertools import compress
from math import isqrt
from operator import add, itemgetter, mul, ne, sub


def _columns(xs: list[int], ys: list[int], best: int) -> int:
    # Points (sorted by x) cut into vertical columns of width c >= sqrt(best):
    # a pair closer than best lies in one column or in two adjacent ones.
    # Each column is sorted by y, then scanned against itself and against
    # the previous column with a window of height sqrt(best), so only pairs
    # inside a c-by-2c box are compared whatever the shape of the input.
    n = len(xs)
    c = isqrt(best - 1) + 1
    cols = list(map(c.__rfloordiv__, xs))
    starts = [0, *compress(range(1, n), map(ne, cols[1:], cols)), n]
    prev_id = None
    py: list[int] = []
    px: list[int] = []
    for s, e in zip(starts, starts[1:], strict=False):
        cid = cols[s]
        if e - s == 1:
            cy = [ys[s]]
            cx = [xs[s]]
        else:
            seg = sorted(zip(ys[s:e], xs[s:e], strict=True))
            cy = list(map(itemgetter(0), seg))
            cx = list(map(itemgetter(1), seg))
            m = len(cy)
            for a in range(m - 1):
                y0 = cy[a]
                x0 = cx[a]
                for b in range(a + 1, m):
                    dy = cy[b] - y0
                    dy *= dy
                    if dy >= best:
                        break
                    dx = cx[b] - x0
                    d = dx * dx + dy
                    if d < best:
                        best = d
        if prev_id == cid - 1:
            m = len(py)
            lo = 0
            for y0, x0 in zip(cy, cx, strict=True):
                while lo < m and py[lo] < y0 and (y0 - py[lo]) * (y0 - py[lo]) >= best:
                    lo += 1
                for b in range(lo, m):
                    yb = py[b]
                    dy = yb - y0
                    dy *= dy
                    if yb > y0 and dy >= best:
                        break
                    dx = px[b] - x0
                    d = dx * dx + dy
                    if d < best:
                        best = d
        prev_id = cid
        py = cy
        px = cx
    return best


def nearest_stations(points: list[tuple[int, int]]) -> int:
    # Sort by x; an upper bound comes from consecutive points (C-level maps
    # over the coordinate lists). Then sweep: from each point, compare the
    # following points while the x gap alone is below the best distance.
    # That strip is O(1) points on spread-out inputs; where it is crowded
    # (bands of nearly equal x, lattices), the sweep notices that its work
    # exceeds a few comparisons per point and hands over to the column
    # scan above, which bounds the work by the points per box instead.
    n = len(points)
    by_x = sorted(points)
    xs = list(map(itemgetter(0), by_x))
    ys = list(map(itemgetter(1), by_x))
    gap_x = list(map(sub, xs[1:], xs))
    gap_y = list(map(sub, ys[1:], ys))
    best = min(map(add, map(mul, gap_x, gap_x), map(mul, gap_y, gap_y)))
    if best == 0:
        return 0
    slack = 64
    for i in range(n - 1):
        x = xs[i]
        y = ys[i]
        j = i + 1
        while j < n:
            dx = xs[j] - x
            dx *= dx
            if dx >= best:
                break
            dy = ys[j] - y
            d = dx + dy * dy
            if d < best:
                best = d
            j += 1
        # About four comparisons per point are allowed on average.
        slack += i + 4 - j
        if slack < 0:
            return _columns(xs, ys, best)
    return best
