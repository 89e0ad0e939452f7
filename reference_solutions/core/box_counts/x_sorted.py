from bisect import bisect_left, bisect_right


def box_counts(points: list[tuple[int, int]], boxes: list[tuple[int, int, int, int]]) -> list[int]:
    # Points sorted by x: each box cuts out its x range by binary search and
    # scans only the points in it, O(n) per box in the worst case.
    ordered = sorted(points)
    xs = [x for x, _ in ordered]
    ys = [y for _, y in ordered]
    out = []
    for x1, y1, x2, y2 in boxes:
        lo = bisect_left(xs, x1)
        hi = bisect_right(xs, x2)
        out.append(sum(1 for y in ys[lo:hi] if y1 <= y <= y2))
    return out
