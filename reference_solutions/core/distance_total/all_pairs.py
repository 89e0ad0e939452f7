def distance_total(points: list[tuple[int, int]]) -> int:
    # Every pair measured: O(n^2).
    total = 0
    for i in range(len(points)):
        x, y = points[i]
        for j in range(i + 1, len(points)):
            total += abs(x - points[j][0]) + abs(y - points[j][1])
    return total
