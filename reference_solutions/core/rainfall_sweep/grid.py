def rained_area(rects: list[tuple[int, int, int, int]]) -> int:
    # Compress both axes, mark every grid cell inside every rectangle, then add
    # up the marked cells' areas: O(n^3) cells marked in the worst case.
    xs = sorted({x for x1, _, x2, _ in rects for x in (x1, x2)})
    ys = sorted({y for _, y1, _, y2 in rects for y in (y1, y2)})
    col = {x: i for i, x in enumerate(xs)}
    row = {y: j for j, y in enumerate(ys)}
    marked = [[False] * len(ys) for _ in xs]
    for x1, y1, x2, y2 in rects:
        for i in range(col[x1], col[x2]):
            line = marked[i]
            for j in range(row[y1], row[y2]):
                line[j] = True
    area = 0
    for i in range(len(xs) - 1):
        for j in range(len(ys) - 1):
            if marked[i][j]:
                area += (xs[i + 1] - xs[i]) * (ys[j + 1] - ys[j])
    return area
