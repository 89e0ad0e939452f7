def max_throughput(n: int, pipes: list[tuple[int, int, int]]) -> int:
    # Ford-Fulkerson: any augmenting path, found by a stack-based search (the
    # node found last is explored first), one search per path, on a
    # dict-of-dicts residual graph; no bound on path length.
    source, sink = 0, n - 1
    residual: dict[int, dict[int, int]] = {u: {} for u in range(n)}
    for a, b, c in pipes:
        if a == b:
            continue
        residual[a][b] = residual[a].get(b, 0) + c
        residual[b].setdefault(a, 0)
    flow = 0
    while True:
        parent = {source: None}
        stack = [source]
        while stack and sink not in parent:
            u = stack.pop()
            for v, c in residual[u].items():
                if c > 0 and v not in parent:
                    parent[v] = u
                    stack.append(v)
        if sink not in parent:
            return flow
        pushed = None
        v = sink
        while parent[v] is not None:
            u = parent[v]
            c = residual[u][v]
            pushed = c if pushed is None else min(pushed, c)
            v = u
        v = sink
        while parent[v] is not None:
            u = parent[v]
            residual[u][v] -= pushed
            residual[v][u] += pushed
            v = u
        flow += pushed
