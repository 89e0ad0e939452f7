def talking_pairs(n: int, cables: list[list[int]]) -> list[int]:
    # After every cable, find all groups again from scratch.
    adj = [[] for _ in range(n)]
    out = []
    for a, b in cables:
        adj[a].append(b)
        adj[b].append(a)
        seen = [False] * n
        pairs = 0
        for s in range(n):
            if seen[s]:
                continue
            seen[s] = True
            stack = [s]
            count = 0
            while stack:
                u = stack.pop()
                count += 1
                for v in adj[u]:
                    if not seen[v]:
                        seen[v] = True
                        stack.append(v)
            pairs += count * (count - 1) // 2
        out.append(pairs)
    return out
