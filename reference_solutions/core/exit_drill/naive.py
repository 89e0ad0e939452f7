from collections import deque


def evacuation_total(floor: list[str]) -> list[int]:
    # One search per exit, keeping the best distance seen for each cell.
    rows = len(floor)
    cols = len(floor[0]) if rows else 0
    best = {}
    for r0 in range(rows):
        for c0 in range(cols):
            if floor[r0][c0] != "X":
                continue
            dist = {(r0, c0): 0}
            queue = deque([(r0, c0)])
            while queue:
                r, c = queue.popleft()
                d = dist[(r, c)]
                for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
                    if 0 <= nr < rows and 0 <= nc < cols and floor[nr][nc] != "#":
                        if (nr, nc) not in dist:
                            dist[(nr, nc)] = d + 1
                            queue.append((nr, nc))
            for cell, d in dist.items():
                if floor[cell[0]][cell[1]] == "." and d < best.get(cell, d + 1):
                    best[cell] = d
    open_cells = sum(row.count(".") for row in floor)
    return [sum(best.values()), open_cells - len(best)]
