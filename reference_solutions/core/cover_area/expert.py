def cover_area(rects: list[tuple[int, int, int, int]]) -> int:
    # Sweep a vertical line over the x coordinates. A segment tree over the
    # compressed y coordinates keeps, per node, how many active rectangles
    # cover its whole span (cnt) and the covered length inside it (cov); the
    # root's cov times the distance to the next event is added to the area.
    # Iterative tree with power-of-two leaves: O(n log n).
    ys = sorted({v for _, y1, _, y2 in rects for v in (y1, y2)})
    m = len(ys) - 1
    if m <= 0:
        return 0
    y_index = {v: j for j, v in enumerate(ys)}
    events = []
    add = events.append
    for x1, y1, x2, y2 in rects:
        if x1 < x2 and y1 < y2:
            lo = y_index[y1]
            hi = y_index[y2]
            add((x1, 1, lo, hi))
            add((x2, -1, lo, hi))
    if not events:
        return 0
    events.sort()
    size = 1
    while size < m:
        size *= 2
    total = [0] * (2 * size)
    for j in range(m):
        total[size + j] = ys[j + 1] - ys[j]
    for k in range(size - 1, 0, -1):
        total[k] = total[2 * k] + total[2 * k + 1]
    cnt = [0] * (2 * size)
    cov = [0] * (2 * size)
    area = 0
    last_x = events[0][0]
    for x, delta, lo, hi in events:
        if x != last_x:
            area += cov[1] * (x - last_x)
            last_x = x
        lo += size
        hi += size
        left = lo >> 1
        right = (hi - 1) >> 1
        # The nodes covering [lo, hi) exactly: change their counts.
        while lo < hi:
            if lo & 1:
                c = cnt[lo] + delta
                cnt[lo] = c
                if c:
                    cov[lo] = total[lo]
                elif lo < size:
                    cov[lo] = cov[2 * lo] + cov[2 * lo + 1]
                else:
                    cov[lo] = 0
                lo += 1
            if hi & 1:
                hi -= 1
                c = cnt[hi] + delta
                cnt[hi] = c
                if c:
                    cov[hi] = total[hi]
                elif hi < size:
                    cov[hi] = cov[2 * hi] + cov[2 * hi + 1]
                else:
                    cov[hi] = 0
            lo >>= 1
            hi >>= 1
        # Then refresh the ancestors of both ends, bottom up.
        while left:
            if not cnt[left]:
                cov[left] = cov[2 * left] + cov[2 * left + 1]
            if right != left and not cnt[right]:
                cov[right] = cov[2 * right] + cov[2 * right + 1]
            left >>= 1
            right >>= 1
    return area
