from collections import deque


def evacuation_total(floor: list[str]) -> list[int]:
    # One search from all exits at once, on (row, col) pairs with bounds
    # checks at every step.
    rows = len(floor)
    cols = len(floor[0]) if rows else 0
    dist = [[-1] * cols for _ in range(rows)]
    queue = deque()
    for r in range(rows):
        for c in range(cols):
            if floor[r][c] == "X":
                dist[r][c] = 0
                queue.append((r, c))
    while queue:
        r, c = queue.popleft()
        d = dist[r][c] + 1
        for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < rows and 0 <= nc < cols:
                if floor[nr][nc] != "#" and dist[nr][nc] < 0:
                    dist[nr][nc] = d
                    queue.append((nr, nc))
    total = 0
    stranded = 0
    for r in range(rows):
        for c in range(cols):
            if floor[r][c] == ".":
                if dist[r][c] < 0:
                    stranded += 1
                else:
                    total += dist[r][c]
    return [total, stranded]
