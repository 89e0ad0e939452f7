from bisect import bisect_left, bisect_right


def box_counts(points: list[tuple[int, int]], boxes: list[tuple[int, int, int, int]]) -> list[int]:
    # Offline sweep over x. A box's answer is F(x2) - F(x1 - 1), where F(t)
    # counts the points with x <= t and y1 <= y <= y2. Both halves become
    # events sorted by t; points enter a Fenwick tree over the ranks of their
    # y (compressed) as the sweep passes their x, and each event reads the
    # count of a rank range. O((n + q) log n).
    q = len(boxes)
    out = [0] * q
    if not points or not q:
        return out
    ys = sorted({y for _, y in points})
    m = len(ys)
    rank = {y: j + 1 for j, y in enumerate(ys)}
    px = sorted(points)
    # Events packed as ints: (t - low) << shift | (box index << 1 | sign),
    # so one integer sort orders them by t.
    shift = (2 * q).bit_length()
    low = -(10**9) - 1
    events = []
    add = events.append
    spans = [0] * q
    for k, (x1, y1, x2, y2) in enumerate(boxes):
        lo = bisect_left(ys, y1)
        hi = bisect_right(ys, y2)
        if lo >= hi or x2 < px[0][0] or x1 > px[-1][0]:
            continue
        spans[k] = (lo, hi)
        add(((x2 - low) << shift) | (k << 1))
        add(((x1 - 1 - low) << shift) | (k << 1) | 1)
    events.sort()
    tree = [0] * (m + 1)
    mask = (1 << shift) - 1
    n = len(px)
    i = 0
    next_x = px[0][0]
    for key in events:
        t = (key >> shift) + low
        while next_x <= t:
            j = rank[px[i][1]]
            while j <= m:
                tree[j] += 1
                j += j & -j
            i += 1
            if i == n:
                next_x = 1 << 62
                break
            next_x = px[i][0]
        tag = key & mask
        lo, hi = spans[tag >> 1]
        # Sum of tree ranks lo + 1 .. hi, walking both prefixes down only to
        # where they meet.
        s = 0
        while hi > lo:
            s += tree[hi]
            hi &= hi - 1
        while lo > hi:
            s -= tree[lo]
            lo &= lo - 1
        if tag & 1:
            out[tag >> 1] -= s
        else:
            out[tag >> 1] += s
    return out
