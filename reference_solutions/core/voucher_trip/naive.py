import heapq


def _shortest(n, roads, start, goal, free):
    # Plain search over the map with road number `free` costing nothing.
    adj = [[] for _ in range(n)]
    for i, (u, v, w) in enumerate(roads):
        if i == free:
            w = 0
        adj[u].append((v, w))
        adj[v].append((u, w))
    dist = {start: 0}
    heap = [(0, start)]
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist[u]:
            continue
        if u == goal:
            return d
        for v, w in adj[u]:
            if v not in dist or d + w < dist[v]:
                dist[v] = d + w
                heapq.heappush(heap, (d + w, v))
    return -1


def cheapest_trip(n: int, roads: list[list[int]], start: int, goal: int) -> int:
    # Try every choice of free road (and none), one full search each.
    best = _shortest(n, roads, start, goal, -1)
    if best <= 0:
        return best
    for i in range(len(roads)):
        best = min(best, _shortest(n, roads, start, goal, i))
    return best
