def critical_roads(n: int, roads: list[tuple[int, int]]) -> list[int]:
    # Take each road out in turn and search from one of its ends: the road is
    # critical when the other end can no longer be reached. O(m * (n + m)).
    adj: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for i, (a, b) in enumerate(roads):
        adj[a].append((b, i))
        adj[b].append((a, i))
    found = []
    for i, (a, b) in enumerate(roads):
        seen = {a}
        todo = [a]
        while todo and b not in seen:
            v = todo.pop()
            for w, j in adj[v]:
                if j != i and w not in seen:
                    seen.add(w)
                    todo.append(w)
        if b not in seen:
            found.append(i)
    return found
