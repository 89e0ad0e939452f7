from heapq import heapify, heappop, heappush


def build_order(n: int, rules: list[list[int]]) -> list[int]:
    after = [[] for _ in range(n)]
    waiting = [0] * n
    for a, b in rules:
        after[a].append(b)
        waiting[b] += 1
    ready = [v for v in range(n) if not waiting[v]]
    heapify(ready)
    order = []
    push = order.append
    while ready:
        u = heappop(ready)
        push(u)
        for v in after[u]:
            left = waiting[v] - 1
            waiting[v] = left
            if not left:
                heappush(ready, v)
    return order if len(order) == n else []
