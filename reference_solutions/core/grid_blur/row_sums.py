def grid_blur(grid: list[list[int]]) -> list[list[int]]:
    # Pure Python, whole rows at a time: each row's sums of three neighbours come
    # from one zip over the row and its two shifts, the 3x3 sums from one zip over
    # three consecutive rows of those, then one division per cell.
    rows = len(grid)
    cols = len(grid[0]) if rows else 0
    if rows == 0 or cols == 0:
        return [[] for _ in range(rows)]
    if cols == 1:
        across = [[row[0]] for row in grid]
    else:
        across = []
        for row in grid:
            middle = [a + b + c for a, b, c in zip(row, row[1:], row[2:], strict=False)]
            across.append([row[0] + row[1], *middle, row[-2] + row[-1]])
    col_count = [3] * cols
    col_count[0] -= 1
    col_count[-1] -= 1
    zero = [0] * cols
    padded = [zero, *across, zero]
    out = []
    for r in range(rows):
        count = 3 - (r == 0) - (r == rows - 1)
        counts = [count * k for k in col_count]
        out.append(
            [
                (a + b + c) // k
                for a, b, c, k in zip(padded[r], padded[r + 1], padded[r + 2], counts, strict=True)
            ]
        )
    return out
