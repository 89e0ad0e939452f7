import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    adj: list[list[tuple[int, int]]] = [[] for _ in range(n + 1)]
    ends = zip(map(int, data[1::3]), map(int, data[2::3]), map(int, data[3::3]), strict=True)
    for u, v, w in ends:
        adj[u].append((v, w))
        adj[v].append((u, w))

    def distances(source: int) -> list[int]:
        """Distance from source to every node (-1 at the unused index 0)."""
        dist = [-1] * (n + 1)
        dist[source] = 0
        stack = [source]
        pop, push = stack.pop, stack.append
        while stack:
            u = pop()
            du = dist[u]
            for v, w in adj[u]:
                if dist[v] < 0:
                    dist[v] = du + w
                    push(v)
        return dist

    first = distances(1)
    end = first.index(max(first))
    sys.stdout.write(f"{max(distances(end))}\n")


main()
