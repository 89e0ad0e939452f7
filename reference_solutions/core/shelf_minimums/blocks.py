def shelf_minimums(values: list[int], operations: list[tuple]) -> list[int]:
    # Square-root decomposition: the minimum of each block of about sqrt(n)
    # positions is kept, so a query reads two partial blocks and the block
    # minima between them, O(sqrt n) per operation.
    n = len(values)
    shelf = list(values)
    size = max(1, int(n**0.5))
    block_min = [min(shelf[s : s + size]) for s in range(0, n, size)]
    out = []
    for kind, a, b in operations:
        if kind == "set":
            shelf[a] = b
            k = a // size
            block_min[k] = min(shelf[k * size : (k + 1) * size])
            continue
        first, last = a // size, b // size
        if first == last:
            out.append(min(shelf[a : b + 1]))
            continue
        best = min(shelf[a : (first + 1) * size])
        tail = min(shelf[last * size : b + 1])
        if tail < best:
            best = tail
        if first + 1 < last:
            middle = min(block_min[first + 1 : last])
            if middle < best:
                best = middle
        out.append(best)
    return out
