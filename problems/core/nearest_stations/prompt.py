def nearest_stations(points: list[tuple[int, int]]) -> int:
    """points[i] = (x, y), integers, is the position of station i; two
    stations may share a position. Return the smallest squared distance
    (xi - xj)**2 + (yi - yj)**2 over all pairs of different indices i != j.

    Bounds: 2 <= len(points) <= 11_000; -10**9 <= x, y <= 10**9.

    >>> nearest_stations([(0, 0), (5, 5), (3, 1), (9, 0)])
    10
    >>> nearest_stations([(7, -2), (7, -2)])
    0
    """
