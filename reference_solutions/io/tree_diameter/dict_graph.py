import sys
from collections import deque


def main() -> None:
    n = int(sys.stdin.readline())
    adj = {node: {} for node in range(1, n + 1)}
    for _ in range(n - 1):
        u, v, w = map(int, sys.stdin.readline().split())
        adj[u][v] = w
        adj[v][u] = w

    def farthest(source):
        dist = {source: 0}
        queue = deque([source])
        while queue:
            u = queue.popleft()
            for v, w in adj[u].items():
                if v not in dist:
                    dist[v] = dist[u] + w
                    queue.append(v)
        node = max(dist, key=lambda x: dist[x])
        return node, dist[node]

    end, _ = farthest(1)
    _, best = farthest(end)
    print(best)


main()
