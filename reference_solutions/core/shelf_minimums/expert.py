def shelf_minimums(values: list[int], operations: list[tuple]) -> list[int]:
    # Iterative bottom-up segment tree over n leaves (node k has children
    # 2k and 2k + 1, leaves at n .. 2n - 1): O(log n) per operation.
    n = len(values)
    tree = [0] * n + values
    for k in range(n - 1, 0, -1):
        a = tree[2 * k]
        b = tree[2 * k + 1]
        tree[k] = a if a < b else b
    out = []
    push = out.append
    for kind, a, b in operations:
        if kind == "min":
            lo = a + n
            hi = b + n + 1
            best = tree[lo]
            while lo < hi:
                if lo & 1:
                    v = tree[lo]
                    if v < best:
                        best = v
                    lo += 1
                if hi & 1:
                    hi -= 1
                    v = tree[hi]
                    if v < best:
                        best = v
                lo >>= 1
                hi >>= 1
            push(best)
        else:
            k = a + n
            tree[k] = b
            while k > 1:
                v = tree[k]
                w = tree[k ^ 1]
                if w < v:
                    v = w
                k >>= 1
                if tree[k] == v:
                    break  # the ancestors above are unchanged too
                tree[k] = v
    return out
