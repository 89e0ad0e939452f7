def alignment_cost(first: list[int], second: list[int], skip_cost: int) -> int:
    # Same O(n * m) recurrence, but only two rows are kept, the previous row
    # is walked with zip (no indexing), and min/abs calls are replaced by
    # inline comparisons.
    g = skip_cost
    prev = [j * g for j in range(len(second) + 1)]
    for i, x in enumerate(first, 1):
        left = i * g
        cur = [left]
        push = cur.append
        ups = iter(prev)
        next(ups)
        for y, diag, up in zip(second, prev, ups, strict=False):
            v = diag + (x - y if x > y else y - x)
            t = (up if up < left else left) + g
            left = v if v < t else t
            push(left)
        prev = cur
    return prev[-1]
