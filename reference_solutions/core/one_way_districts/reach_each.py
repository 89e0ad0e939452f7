def district_summary(n: int, roads: list[tuple[int, int]]) -> tuple[int, int]:
    # For each node not yet placed, search forwards and backwards from it: its
    # district is what is reached both ways. O(n * (n + m)) with many districts.
    forward: list[list[int]] = [[] for _ in range(n)]
    backward: list[list[int]] = [[] for _ in range(n)]
    for a, b in roads:
        forward[a].append(b)
        backward[b].append(a)

    def reach(source: int, adj: list[list[int]]) -> set[int]:
        seen = {source}
        todo = [source]
        while todo:
            v = todo.pop()
            for w in adj[v]:
                if w not in seen:
                    seen.add(w)
                    todo.append(w)
        return seen

    placed = [False] * n
    count = largest = 0
    for v in range(n):
        if placed[v]:
            continue
        district = reach(v, forward) & reach(v, backward)
        for w in district:
            placed[w] = True
        count += 1
        largest = max(largest, len(district))
    return (count, largest)
