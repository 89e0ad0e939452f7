def cover_area(rects: list[tuple[int, int, int, int]]) -> int:
    # Compress both axes into a grid of elementary cells, paint the cells of
    # every rectangle one by one, then add up the areas of painted cells:
    # O(n) per painted cell, O(n^3) overall.
    xs = sorted({v for x1, _, x2, _ in rects for v in (x1, x2)})
    ys = sorted({v for _, y1, _, y2 in rects for v in (y1, y2)})
    x_index = {v: i for i, v in enumerate(xs)}
    y_index = {v: j for j, v in enumerate(ys)}
    painted = [[False] * max(0, len(ys) - 1) for _ in range(max(0, len(xs) - 1))]
    for x1, y1, x2, y2 in rects:
        for i in range(x_index[x1], x_index[x2]):
            row = painted[i]
            for j in range(y_index[y1], y_index[y2]):
                row[j] = True
    area = 0
    for i, row in enumerate(painted):
        width = xs[i + 1] - xs[i]
        for j, cell in enumerate(row):
            if cell:
                area += width * (ys[j + 1] - ys[j])
    return area
