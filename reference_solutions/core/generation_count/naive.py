def count_at_generation(parent: list[int], queries: list[list[int]]) -> list[int]:
    # Walk down from u one generation at a time for every query.
    n = len(parent)
    kids = [[] for _ in range(n)]
    for child, p in enumerate(parent):
        if p >= 0:
            kids[p].append(child)
    out = []
    for u, k in queries:
        layer = [u]
        for _ in range(k):
            layer = [c for v in layer for c in kids[v]]
            if not layer:
                break
        out.append(len(layer))
    return out
