def grid_blur(grid: list[list[int]]) -> list[list[int]]:
    # For every cell, visit its nine neighbour positions and keep those inside.
    rows = len(grid)
    cols = len(grid[0]) if rows else 0
    out = []
    for r in range(rows):
        line = []
        for c in range(cols):
            total = 0
            count = 0
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    rr, cc = r + dr, c + dc
                    if 0 <= rr < rows and 0 <= cc < cols:
                        total += grid[rr][cc]
                        count += 1
            line.append(total // count)
        out.append(line)
    return out
