def nearest_stations(points: list[tuple[int, int]]) -> int:
    # Sort by x; from each point scan rightwards while the x gap alone is
    # still below the best distance. Fast on spread-out points, O(n^2) when
    # many points share nearly the same x.
    ordered = sorted(points)
    best = None
    n = len(ordered)
    for i in range(n):
        xi, yi = ordered[i]
        for j in range(i + 1, n):
            xj, yj = ordered[j]
            dx = xj - xi
            if best is not None and dx * dx >= best:
                break
            d = dx * dx + (yj - yi) ** 2
            if best is None or d < best:
                best = d
    return best
