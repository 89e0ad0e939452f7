import sys


def main() -> None:
    n = int(sys.stdin.readline())
    adj = [[] for _ in range(n + 1)]
    for _ in range(n - 1):
        u, v, w = map(int, sys.stdin.readline().split())
        adj[u].append((v, w))
        adj[v].append((u, w))
    best = 0
    for source in range(1, n + 1):
        dist = {source: 0}
        queue = [source]
        for u in queue:
            for v, w in adj[u]:
                if v not in dist:
                    dist[v] = dist[u] + w
                    queue.append(v)
        best = max(best, max(dist.values()))
    print(best)


main()
