import sys


def main() -> None:
    rows, cols = map(int, sys.stdin.readline().split())
    grid = [sys.stdin.readline().rstrip("\n") for _ in range(rows)]
    unknown = rows * cols + 1
    dist = [[unknown] * cols for _ in range(rows)]
    goal = None
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] == "S":
                dist[r][c] = 0
            elif grid[r][c] == "E":
                goal = (r, c)
    # Sweep the whole grid, lowering each free cell to one more than its best neighbour,
    # until a sweep changes nothing.
    changed = True
    while changed:
        changed = False
        for r in range(rows):
            for c in range(cols):
                if grid[r][c] == "#":
                    continue
                best = dist[r][c]
                if r > 0 and dist[r - 1][c] + 1 < best:
                    best = dist[r - 1][c] + 1
                if r + 1 < rows and dist[r + 1][c] + 1 < best:
                    best = dist[r + 1][c] + 1
                if c > 0 and dist[r][c - 1] + 1 < best:
                    best = dist[r][c - 1] + 1
                if c + 1 < cols and dist[r][c + 1] + 1 < best:
                    best = dist[r][c + 1] + 1
                if best < dist[r][c]:
                    dist[r][c] = best
                    changed = True
    answer = dist[goal[0]][goal[1]]
    print(answer if answer < unknown else -1)


main()
