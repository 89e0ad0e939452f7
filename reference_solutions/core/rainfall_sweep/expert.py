def rained_area(rects: list[tuple[int, int, int, int]]) -> int:
    # Sweep a vertical line over the x coordinates of the rectangle sides. A
    # bottom-up segment tree over the compressed y coordinates keeps, per node,
    # how many active rectangles cover its whole interval (never pushed down)
    # and the covered length within it; the root's length times each step in x
    # adds up the area. O(n log n).
    rects = [r for r in rects if r[0] < r[2] and r[1] < r[3]]
    if not rects:
        return 0
    ys = sorted({y for _, y1, _, y2 in rects for y in (y1, y2)})
    row = {y: j for j, y in enumerate(ys)}
    size = 1
    while size < len(ys) - 1:
        size <<= 1
    # Leaf j covers [ys[j], ys[j + 1]); nodes below the leaves stay 0.
    width = [0] * (4 * size)
    for j in range(len(ys) - 1):
        width[size + j] = ys[j + 1] - ys[j]
    for p in range(size - 1, 0, -1):
        width[p] = width[2 * p] + width[2 * p + 1]
    count = [0] * (2 * size)
    covered = [0] * (4 * size)
    # Events as (x, +1 / -1, first leaf, end leaf), sorted by x alone: the order of
    # events at one x does not change the area.
    events = []
    for x1, y1, x2, y2 in rects:
        low, high = row[y1] + size, row[y2] + size
        events.append((x1, 1, low, high))
        events.append((x2, -1, low, high))
    events.sort(key=lambda event: event[0])
    area = 0
    last_x = events[0][0]
    for x, delta, low, high in events:
        if x != last_x:
            area += covered[1] * (x - last_x)
            last_x = x
        lo, hi = low, high
        while lo < hi:
            if lo & 1:
                c = count[lo] + delta
                count[lo] = c
                covered[lo] = width[lo] if c else covered[2 * lo] + covered[2 * lo + 1]
                lo += 1
            if hi & 1:
                hi -= 1
                c = count[hi] + delta
                count[hi] = c
                covered[hi] = width[hi] if c else covered[2 * hi] + covered[2 * hi + 1]
            lo >>= 1
            hi >>= 1
        lo = low >> 1
        hi = (high - 1) >> 1
        while lo:
            if not count[lo]:
                covered[lo] = covered[2 * lo] + covered[2 * lo + 1]
            if hi != lo and not count[hi]:
                covered[hi] = covered[2 * hi] + covered[2 * hi + 1]
            lo >>= 1
            hi >>= 1
    return area
