def distance_total(points: list[tuple[int, int]]) -> int:
    """points[i] = (x, y) is a point with integer coordinates (points may
    coincide). Return the sum, over all unordered pairs {i, j} with i < j,
    of the distance |x_i - x_j| + |y_i - y_j|. Fewer than two points give 0.

    Bounds: 0 <= len(points) <= 42_000; -10**9 <= x, y <= 10**9. The answer
    may exceed 2**31.

    >>> distance_total([(0, 0), (2, 1), (-1, 3)])
    12
    >>> distance_total([(5, 5)])
    0
    """
