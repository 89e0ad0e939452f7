from heapq import heappop, heappush


def _distances(n, adj, source):
    # Heap keys pack (distance, town) into one int: distance * n + town.
    inf = -1
    dist = [inf] * n
    done = bytearray(n)
    dist[source] = 0
    heap = [source]
    while heap:
        key = heappop(heap)
        d, u = divmod(key, n)
        if done[u]:
            continue
        done[u] = 1
        for v, w in adj[u]:
            if not done[v]:
                nd = d + w
                old = dist[v]
                if old < 0 or nd < old:
                    dist[v] = nd
                    heappush(heap, nd * n + v)
    return dist


def cheapest_trip(n: int, roads: list[list[int]], start: int, goal: int) -> int:
    if start == goal:
        return 0
    adj = [[] for _ in range(n)]
    for u, v, w in roads:
        if u != v:
            adj[u].append((v, w))
            adj[v].append((u, w))
    from_start = _distances(n, adj, start)
    if from_start[goal] < 0:
        return -1
    to_goal = _distances(n, adj, goal)
    best = from_start[goal]
    for u, v, _ in roads:
        a = from_start[u]
        b = to_goal[v]
        if a >= 0 and b >= 0 and a + b < best:
            best = a + b
        a = from_start[v]
        b = to_goal[u]
        if a >= 0 and b >= 0 and a + b < best:
            best = a + b
    return best
