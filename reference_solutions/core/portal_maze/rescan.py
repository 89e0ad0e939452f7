from collections import deque


def portal_steps(grid: list[str]) -> int:
    # Breadth-first search on (row, col) cells; every time a portal cell is taken
    # from the queue, all cells of its letter are scanned again.
    rows, cols = len(grid), len(grid[0])
    letters: dict[str, list[tuple[int, int]]] = {}
    start = goal = (0, 0)
    for r in range(rows):
        for c in range(cols):
            ch = grid[r][c]
            if ch == "S":
                start = (r, c)
            elif ch == "E":
                goal = (r, c)
            elif ch.islower():
                letters.setdefault(ch, []).append((r, c))
    dist = [[-1] * cols for _ in range(rows)]
    dist[start[0]][start[1]] = 0
    queue = deque([start])
    while queue:
        r, c = queue.popleft()
        d = dist[r][c]
        if (r, c) == goal:
            return d
        moves = [(r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)]
        ch = grid[r][c]
        if ch.islower():
            moves.extend(letters[ch])
        for nr, nc in moves:
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != "#" and dist[nr][nc] < 0:
                dist[nr][nc] = d + 1
                queue.append((nr, nc))
    return -1
