import heapq


def route_costs(grid: list[list[int]], queries: list[tuple[int, int, int, int]]) -> list[int]:
    # For each query, cheapest fees from its start to every reachable cell
    # (a full run of the priority-queue shortest-path search, keyed by (row, col)
    # tuples), then read off the goal.
    rows = len(grid)
    cols = len(grid[0]) if rows else 0
    out = []
    for r1, c1, r2, c2 in queries:
        if grid[r1][c1] == 0 or grid[r2][c2] == 0:
            out.append(-1)
            continue
        dist = {(r1, c1): 0}
        heap = [(0, r1, c1)]
        while heap:
            d, r, c = heapq.heappop(heap)
            if d > dist[(r, c)]:
                continue
            for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
                if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != 0:
                    nd = d + grid[nr][nc]
                    if nd < dist.get((nr, nc), float("inf")):
                        dist[(nr, nc)] = nd
                        heapq.heappush(heap, (nd, nr, nc))
        out.append(dist.get((r2, c2), -1))
    return out
