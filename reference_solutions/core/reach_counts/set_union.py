def reach_counts(n: int, edges: list[tuple[int, int]]) -> list[int]:
    # Reachable sets as Python sets, filled in reverse topological order: each
    # node's set is the union of its successors and their sets.
    succ: list[list[int]] = [[] for _ in range(n)]
    indegree = [0] * n
    for u, v in edges:
        succ[u].append(v)
        indegree[v] += 1
    order = [u for u in range(n) if indegree[u] == 0]
    for u in order:
        for v in succ[u]:
            indegree[v] -= 1
            if indegree[v] == 0:
                order.append(v)
    reach: list[set[int]] = [set() for _ in range(n)]
    for u in reversed(order):
        found = reach[u]
        for v in succ[u]:
            found.add(v)
            found |= reach[v]
    return [len(found) for found in reach]
