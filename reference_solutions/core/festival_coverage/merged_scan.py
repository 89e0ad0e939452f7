def live_minutes(acts: list[tuple[int, int]], windows: list[tuple[int, int]]) -> list[int]:
    # Merge once, then clip every block against each window: O(n log n + q m).
    blocks = []
    for start, end in sorted(acts):
        if blocks and start <= blocks[-1][1] + 1:
            if end > blocks[-1][1]:
                blocks[-1][1] = end
        else:
            blocks.append([start, end])
    out = []
    for a, b in windows:
        total = 0
        for start, end in blocks:
            lo = max(start, a)
            hi = min(end, b)
            if lo <= hi:
                total += hi - lo + 1
        out.append(total)
    return out
