from bisect import bisect_left


def count_at_generation(parent: list[int], queries: list[list[int]]) -> list[int]:
    n = len(parent)
    kids = [[] for _ in range(n)]
    root = 0
    for child, p in enumerate(parent):
        if p < 0:
            root = child
        else:
            kids[p].append(child)
    # Preorder numbering without recursion: every family is a contiguous
    # block [start[u], start[u] + size[u]).
    order = []
    push = order.append
    depth = [0] * n
    stack = [root]
    pop = stack.pop
    extend = stack.extend
    while stack:
        u = pop()
        push(u)
        ks = kids[u]
        if ks:
            d = depth[u] + 1
            for c in ks:
                depth[c] = d
            extend(ks)
    start = [0] * n
    for i, u in enumerate(order):
        start[u] = i
    size = [1] * n
    for u in reversed(order):
        p = parent[u]
        if p >= 0:
            size[p] += size[u]
    # Preorder positions of everyone at each depth, already sorted.
    levels = [[] for _ in range(max(depth) + 1)]
    for i, u in enumerate(order):
        levels[depth[u]].append(i)
    deepest = len(levels)
    out = []
    for u, k in queries:
        d = depth[u] + k
        if d >= deepest:
            out.append(0)
        else:
            row = levels[d]
            s = start[u]
            out.append(bisect_left(row, s + size[u]) - bisect_left(row, s))
    return out
