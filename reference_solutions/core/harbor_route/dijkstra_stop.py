import heapq


def route_costs(grid: list[list[int]], queries: list[tuple[int, int, int, int]]) -> list[int]:
    # For each query, the priority-queue shortest-path search from its start,
    # stopped as soon as the goal is taken from the queue (no goal direction).
    rows = len(grid)
    cols = len(grid[0]) if rows else 0
    out = []
    for r1, c1, r2, c2 in queries:
        if grid[r1][c1] == 0 or grid[r2][c2] == 0:
            out.append(-1)
            continue
        dist = [[-1] * cols for _ in range(rows)]
        done = [[False] * cols for _ in range(rows)]
        dist[r1][c1] = 0
        heap = [(0, r1, c1)]
        answer = -1
        while heap:
            d, r, c = heapq.heappop(heap)
            if done[r][c]:
                continue
            done[r][c] = True
            if r == r2 and c == c2:
                answer = d
                break
            for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
                if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] and not done[nr][nc]:
                    nd = d + grid[nr][nc]
                    if dist[nr][nc] < 0 or nd < dist[nr][nc]:
                        dist[nr][nc] = nd
                        heapq.heappush(heap, (nd, nr, nc))
        out.append(answer)
    return out
