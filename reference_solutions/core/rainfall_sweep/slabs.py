def rained_area(rects: list[tuple[int, int, int, int]]) -> int:
    # For each strip between consecutive x coordinates, merge the sorted y
    # intervals of the rectangles spanning it: O(n^2 log n).
    xs = sorted({x for x1, _, x2, _ in rects for x in (x1, x2)})
    area = 0
    for left, right in zip(xs, xs[1:], strict=False):
        spans = sorted((y1, y2) for x1, y1, x2, y2 in rects if x1 <= left and right <= x2)
        covered = 0
        end = -1
        for y1, y2 in spans:
            if y2 <= end:
                continue
            covered += y2 - max(y1, end)
            end = y2
        area += covered * (right - left)
    return area
