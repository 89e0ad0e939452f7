def max_throughput(n: int, pipes: list[tuple[int, int, int]]) -> int:
    # Blocking flows on level graphs (O(V^2 E)), on flat arrays: edge e runs to
    # head[e] with residual cap[e], and e ^ 1 is its reverse. Levels are
    # distances to the sink, so every step of the search heads towards it.
    source, sink = 0, n - 1
    # Merge parallel and antiparallel pipes into one edge pair each; drop those
    # that cannot carry useful flow (self-loops, into the source, out of the sink).
    merged: dict[int, int] = {}
    for a, b, c in pipes:
        if c and a != b and b != source and a != sink:
            key = a * n + b
            merged[key] = merged.get(key, 0) + c
    head: list[int] = []
    cap: list[int] = []
    adj: list[list[int]] = [[] for _ in range(n)]
    pair: dict[int, int] = {}
    for key, c in merged.items():
        a, b = divmod(key, n)
        e = pair.get(b * n + a)
        if e is not None:  # the reverse pipe already has an edge pair
            cap[e + 1] = c
            continue
        e = len(head)
        pair[key] = e
        head += (b, a)
        cap += (c, 0)
        adj[a].append(e)
        adj[b].append(e + 1)

    flow = 0
    while True:
        # Distances to the sink over residual edges, up to the source's.
        dist = [-1] * n
        dist[sink] = 0
        queue = [sink]
        found = False
        for u in queue:
            d = dist[u] + 1
            for e in adj[u]:
                v = head[e]
                if dist[v] < 0 and cap[e ^ 1]:
                    dist[v] = d
                    if v == source:
                        found = True
                        break
                    queue.append(v)
            if found:
                break
        if not found:
            return flow
        # Blocking flow: iterative depth-first search with current-arc pointers.
        arc = [0] * n
        path: list[int] = []
        u = source
        while True:
            if u == sink:
                pushed = min([cap[e] for e in path])
                cut = -1
                for i, e in enumerate(path):
                    cap[e] -= pushed
                    cap[e ^ 1] += pushed
                    if cut < 0 and not cap[e]:
                        cut = i
                flow += pushed
                del path[cut:]
                u = head[path[-1]] if path else source
                continue
            edges = adj[u]
            i = arc[u]
            k = len(edges)
            want = dist[u] - 1
            while i < k:
                e = edges[i]
                if cap[e] and dist[head[e]] == want:
                    break
                i += 1
            arc[u] = i
            if i < k:
                path.append(edges[i])
                u = head[edges[i]]
            elif path:
                dist[u] = -1  # dead end for the rest of this phase
                e = path.pop()
                u = head[e ^ 1]
                arc[u] += 1
            else:
                break
