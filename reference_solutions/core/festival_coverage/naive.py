def live_minutes(acts: list[tuple[int, int]], windows: list[tuple[int, int]]) -> list[int]:
    # For every window: clip all acts to it, sort and merge: O(q n log n).
    out = []
    for a, b in windows:
        clipped = sorted((max(s, a), min(e, b)) for s, e in acts if s <= b and e >= a)
        total = 0
        reach = a - 1
        for s, e in clipped:
            if e > reach:
                total += e - max(s, reach + 1) + 1
                reach = e
        out.append(total)
    return out
