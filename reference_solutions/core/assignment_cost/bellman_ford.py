def min_assignment(cost: list[list[int]]) -> int:
    # Min-cost flow on source -> workers -> jobs -> sink, one unit at a time; each
    # cheapest residual path is found by Bellman-Ford over every edge.
    n = len(cost)
    source, sink = 2 * n, 2 * n + 1
    nodes = 2 * n + 2
    # Edge e and its reverse e ^ 1: tail, head, residual capacity, cost.
    tail: list[int] = []
    head: list[int] = []
    cap: list[int] = []
    price: list[int] = []

    def add_edge(a: int, b: int, c: int) -> None:
        tail.extend((a, b))
        head.extend((b, a))
        cap.extend((1, 0))
        price.extend((c, -c))

    for i in range(n):
        add_edge(source, i, 0)
        add_edge(n + i, sink, 0)
        for j in range(n):
            add_edge(i, n + j, cost[i][j])
    total = 0
    for _ in range(n):
        dist = [None] * nodes
        parent = [-1] * nodes
        dist[source] = 0
        for _ in range(nodes - 1):
            changed = False
            for e in range(len(tail)):
                if cap[e] > 0 and dist[tail[e]] is not None:
                    d = dist[tail[e]] + price[e]
                    if dist[head[e]] is None or d < dist[head[e]]:
                        dist[head[e]] = d
                        parent[head[e]] = e
                        changed = True
            if not changed:
                break
        node = sink
        while node != source:
            e = parent[node]
            cap[e] -= 1
            cap[e ^ 1] += 1
            node = tail[e]
        total += dist[sink]
    return total
