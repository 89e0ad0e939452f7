def nearest_stations(points: list[tuple[int, int]]) -> int:
    # Every pair: O(n^2).
    best = None
    n = len(points)
    for i in range(n):
        xi, yi = points[i]
        for j in range(i + 1, n):
            xj, yj = points[j]
            d = (xi - xj) ** 2 + (yi - yj) ** 2
            if best is None or d < best:
                best = d
    return best
