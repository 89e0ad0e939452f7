def talking_pairs(n: int, cables: list[list[int]]) -> list[int]:
    parent = list(range(n))
    size = [1] * n
    pairs = 0
    out = []
    push = out.append
    for a, b in cables:
        # Find both roots, halving the paths on the way.
        while parent[a] != a:
            parent[a] = a = parent[parent[a]]
        while parent[b] != b:
            parent[b] = b = parent[parent[b]]
        if a != b:
            sa = size[a]
            sb = size[b]
            pairs += sa * sb
            if sa < sb:
                parent[a] = b
                size[b] = sa + sb
            else:
                parent[b] = a
                size[a] = sa + sb
        push(pairs)
    return out
