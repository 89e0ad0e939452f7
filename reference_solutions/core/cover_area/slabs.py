def cover_area(rects: list[tuple[int, int, int, int]]) -> int:
    # Cut the plane into vertical slabs between consecutive x coordinates;
    # in each slab, merge the sorted y intervals of the rectangles spanning
    # it: O(n^2 log n).
    boxes = [r for r in rects if r[0] < r[2] and r[1] < r[3]]
    xs = sorted({v for x1, _, x2, _ in boxes for v in (x1, x2)})
    area = 0
    for left, right in zip(xs, xs[1:], strict=False):
        spans = sorted((y1, y2) for x1, y1, x2, y2 in boxes if x1 <= left and right <= x2)
        covered = 0
        start = end = None
        for y1, y2 in spans:
            if end is None or y1 > end:
                if end is not None:
                    covered += end - start
                start, end = y1, y2
            elif y2 > end:
                end = y2
        if end is not None:
            covered += end - start
        area += covered * (right - left)
    return area
