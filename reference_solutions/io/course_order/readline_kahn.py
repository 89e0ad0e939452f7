import sys
from collections import deque


def main() -> None:
    n, m = map(int, sys.stdin.readline().split())
    later = {c: [] for c in range(1, n + 1)}
    waiting = {c: 0 for c in range(1, n + 1)}
    for _ in range(m):
        a, b = map(int, sys.stdin.readline().split())
        later[a].append(b)
        waiting[b] += 1
    ready = deque(c for c in range(1, n + 1) if waiting[c] == 0)
    order = []
    while ready:
        a = ready.popleft()
        order.append(a)
        for b in later[a]:
            waiting[b] -= 1
            if waiting[b] == 0:
                ready.append(b)
    if len(order) < n:
        print("IMPOSSIBLE")
    else:
        print(*order)


main()
