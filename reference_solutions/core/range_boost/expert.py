def range_boost(n: int, ops: list[tuple]) -> list[int]:
    # A bottom-up segment tree over a power-of-two number of leaves, with the
    # additions kept on the nodes that cover a range and never pushed down:
    # add[p] is what was added to the whole subtree of p, and top[p] is the
    # maximum of p's subtree counting the additions at p and below (not above).
    # An addition marks O(log n) nodes and refreshes the two boundary paths; a
    # query takes the same nodes and adds the marks of their ancestors on the way up.
    size = 1
    while size < n:
        size <<= 1
    top = [0] * (2 * size)
    mark = [0] * (2 * size)
    floor = -(1 << 62)
    out = []
    push = out.append
    for op in ops:
        if op[0] == "add":
            _, left, right, amount = op
            lo = left + size
            hi = right + 1 + size
            while lo < hi:
                if lo & 1:
                    top[lo] += amount
                    mark[lo] += amount
                    lo += 1
                if hi & 1:
                    hi -= 1
                    top[hi] += amount
                    mark[hi] += amount
                lo >>= 1
                hi >>= 1
            lo = (left + size) >> 1
            hi = (right + size) >> 1
            while lo:
                a = top[2 * lo]
                b = top[2 * lo + 1]
                top[lo] = (a if a > b else b) + mark[lo]
                if hi != lo:
                    a = top[2 * hi]
                    b = top[2 * hi + 1]
                    top[hi] = (a if a > b else b) + mark[hi]
                lo >>= 1
                hi >>= 1
        else:
            _, left, right = op
            lo = left + size
            hi = right + 1 + size
            best_left = best_right = floor
            while lo < hi:
                if lo & 1:
                    value = top[lo]
                    if value > best_left:
                        best_left = value
                    lo += 1
                if hi & 1:
                    hi -= 1
                    value = top[hi]
                    if value > best_right:
                        best_right = value
                lo >>= 1
                hi >>= 1
                # Nodes taken on the left lie under lo - 1, those on the right under hi.
                best_left += mark[lo - 1]
                best_right += mark[hi]
            lo -= 1
            while lo > 1:
                lo >>= 1
                best_left += mark[lo]
            while hi > 1:
                hi >>= 1
                best_right += mark[hi]
            push(best_left if best_left > best_right else best_right)
    return out
