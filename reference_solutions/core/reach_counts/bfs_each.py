from collections import deque


def reach_counts(n: int, edges: list[tuple[int, int]]) -> list[int]:
    # A breadth-first search from every node: O(n (n + m)).
    succ: list[list[int]] = [[] for _ in range(n)]
    for u, v in edges:
        succ[u].append(v)
    counts = []
    for start in range(n):
        seen = {start}
        queue = deque([start])
        while queue:
            u = queue.popleft()
            for v in succ[u]:
                if v not in seen:
                    seen.add(v)
                    queue.append(v)
        counts.append(len(seen) - 1)
    return counts
