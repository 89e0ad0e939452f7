def reach_counts(n: int, edges: list[tuple[int, int]]) -> list[int]:
    # Reachable sets as Python ints used as bitsets, filled in reverse
    # topological order: a node's set is its own bit OR its successors' sets.
    # Bits are numbered by reverse topological position, so a node's set only
    # holds bits below its own and the ints stay as short as possible.
    succ: list[list[int]] = [[] for _ in range(n)]
    indegree = [0] * n
    for u, v in edges:
        succ[u].append(v)
        indegree[v] += 1
    order = [u for u in range(n) if not indegree[u]]
    for u in order:  # the list grows while it is walked: a topological order
        for v in succ[u]:
            indegree[v] -= 1
            if not indegree[v]:
                order.append(v)
    closure = [0] * n  # the node's own bit and everything it reaches
    counts = [0] * n
    for position, u in enumerate(reversed(order)):
        reach = 1 << position
        for v in succ[u]:
            reach |= closure[v]
        closure[u] = reach
        counts[u] = reach.bit_count() - 1
    return counts
