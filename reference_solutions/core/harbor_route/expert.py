import re
from bisect import bisect_right
from heapq import heappop, heappush

WATER = re.compile(rb"[^\x00]+")


def route_costs(grid: list[list[int]], queries: list[tuple[int, int, int, int]]) -> list[int]:
    # Goal-directed best-first search per query: the priority is the fee so far
    # plus (cheapest fee) x (Manhattan distance to the goal), a lower bound that
    # never overestimates, so the first time the goal is taken its fee is final.
    # A trip between two water components is answered at once: components are
    # joined from runs of water along each row. The chart is one flat list with
    # a land border.
    if not queries:
        return []
    cols = len(grid[0])
    width = cols + 1  # the extra land column borders both sides of each row
    fee = [0] * width
    for row in grid:
        fee += row
        fee.append(0)
    fee += [0] * width
    size = len(fee)
    fees = set(fee)
    fees.discard(0)
    cheapest = min(fees) if fees else 1
    # Runs of water per row; runs of neighbouring rows that overlap are joined.
    run_starts: list[list[int]] = []
    run_first: list[int] = []  # id of each row's first run
    parent: list[int] = []
    above: list[tuple[int, int]] = []
    for row in grid:
        spans = [m.span() for m in WATER.finditer(bytes(row))]
        first = len(parent)
        run_first.append(first)
        run_starts.append([a for a, _ in spans])
        parent.extend(range(first, first + len(spans)))
        i = j = 0
        while i < len(above) and j < len(spans):
            a1, b1 = above[i]
            a2, b2 = spans[j]
            if a1 < b2 and a2 < b1:
                x = first - len(above) + i
                while parent[x] != x:
                    x = parent[x]
                y = first + j
                while parent[y] != y:
                    y = parent[y]
                if x < y:  # the smaller id is the root: parents precede children
                    parent[y] = x
                elif y < x:
                    parent[x] = y
            if b1 < b2:
                i += 1
            else:
                j += 1
        above = spans
    for k in range(len(parent)):  # parents precede children: one pass finds every root
        parent[k] = parent[parent[k]]

    cell_bits = size.bit_length()
    cell_mask = (1 << cell_bits) - 1
    h_bits = (cheapest * (len(grid) + width)).bit_length()
    h_mask = (1 << h_bits) - 1
    shift = cell_bits + h_bits
    # best[cell] = base + fee so far, with a smaller base for each later query:
    # values left by earlier queries are then never below the current ones.
    step = 9 * size + 1
    base = (len(queries) + 1) * step
    best = [base + step] * size

    out = []
    for r1, c1, r2, c2 in queries:
        base -= step
        start = (r1 + 1) * width + c1
        goal = (r2 + 1) * width + c2
        if not fee[start] or not fee[goal]:
            out.append(-1)
            continue
        if start == goal:
            out.append(0)
            continue
        run1 = run_first[r1] + bisect_right(run_starts[r1], c1) - 1
        run2 = run_first[r2] + bisect_right(run_starts[r2], c2) - 1
        if parent[run1] != parent[run2]:
            out.append(-1)
            continue
        h = cheapest * (abs(r1 - r2) + abs(c1 - c2))
        goal_row = r2 + 1  # rows of the flat chart start at 1
        best[start] = base
        heap = [(h << h_bits | h) << cell_bits | start]
        while True:
            key = heappop(heap)
            i = key & cell_mask
            h = (key >> cell_bits) & h_mask
            d = base + (key >> shift) - h
            if d != best[i]:
                continue  # stale entry
            if i == goal:
                out.append(d - base)
                break
            r, c = divmod(i, width)
            j = i - 1
            f = fee[j]
            if f:
                nd = d + f
                if nd < best[j]:
                    best[j] = nd
                    hj = h - cheapest if c > c2 else h + cheapest
                    heappush(heap, ((nd - base + hj) << h_bits | hj) << cell_bits | j)
            j = i + 1
            f = fee[j]
            if f:
                nd = d + f
                if nd < best[j]:
                    best[j] = nd
                    hj = h - cheapest if c < c2 else h + cheapest
                    heappush(heap, ((nd - base + hj) << h_bits | hj) << cell_bits | j)
            j = i - width
            f = fee[j]
            if f:
                nd = d + f
                if nd < best[j]:
                    best[j] = nd
                    hj = h - cheapest if r > goal_row else h + cheapest
                    heappush(heap, ((nd - base + hj) << h_bits | hj) << cell_bits | j)
            j = i + width
            f = fee[j]
            if f:
                nd = d + f
                if nd < best[j]:
                    best[j] = nd
                    hj = h - cheapest if r < goal_row else h + cheapest
                    heappush(heap, ((nd - base + hj) << h_bits | hj) << cell_bits | j)
    return out
