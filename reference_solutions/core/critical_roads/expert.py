def critical_roads(n: int, roads: list[tuple[int, int]]) -> list[int]:
    # Low links over a depth-first forest, O(n + m). Road i is two half-edges:
    # 2i runs a -> b and 2i + 1 runs b -> a, so to[h] is where h leads and h ^ 1 is
    # its reverse. The forest comes from a stack of half-edges (a node is entered
    # when a half-edge into it is popped first; it then pushes all of its own):
    # that is a true depth-first forest, so every other road joins a node to one
    # of its ancestors. A tree road into w is critical exactly when no road from
    # w's subtree other than that one reaches above w, i.e. low[w] == pre[w].
    m = len(roads)
    tails, heads = zip(*roads, strict=True) if m else ((), ())
    to = [0] * (2 * m)
    to[0::2] = heads
    to[1::2] = tails
    adj: list[list[int]] = [[] for _ in range(n)]
    for h, v in enumerate(to):
        adj[v].append(h ^ 1)
    pre = [0] * n  # preorder number from 1; 0 = not reached yet
    via = [-1] * n  # the half-edge a node was entered by
    order = []
    counter = 0
    for root in range(n):
        if pre[root]:
            continue
        counter += 1
        pre[root] = counter
        order.append(root)
        stack = list(adj[root])
        pop, extend = stack.pop, stack.extend
        while stack:
            h = pop()
            w = to[h]
            if pre[w]:
                continue
            counter += 1
            pre[w] = counter
            via[w] = h
            order.append(w)
            extend(adj[w])
    tree = bytearray(m)
    for h in via:
        if h >= 0:
            tree[h >> 1] = 1
    low = pre[:]
    for a, b, t in zip(tails, heads, tree, strict=True):
        if not t:
            pa, pb = pre[a], pre[b]
            if pa < pb:
                if pa < low[b]:
                    low[b] = pa
            elif pb < low[a]:
                low[a] = pb
    found = []
    for w in reversed(order):
        h = via[w]
        if h >= 0:
            lw = low[w]
            if lw == pre[w]:
                found.append(h >> 1)
            else:
                p = to[h ^ 1]
                if lw < low[p]:
                    low[p] = lw
    found.sort()
    return found
