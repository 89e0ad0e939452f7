def distance_total(points: list[tuple[int, int]]) -> int:
    # Each axis sorted, O(n log n), then a Python loop that keeps the sum of the
    # smaller values seen so far: each value adds k * value - (sum of the k before).
    total = 0
    for axis in (0, 1):
        seen = 0
        running = 0
        for value in sorted(p[axis] for p in points):
            total += seen * value - running
            running += value
            seen += 1
    return total
