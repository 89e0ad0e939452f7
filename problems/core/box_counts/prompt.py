def box_counts(points: list[tuple[int, int]], boxes: list[tuple[int, int, int, int]]) -> list[int]:
    """points[i] = (x, y) is a point of the plane; the same point may appear
    several times and then counts as many times. boxes[k] = (x1, y1, x2, y2),
    with x1 <= x2 and y1 <= y2, is the closed rectangle of all (x, y) with
    x1 <= x <= x2 and y1 <= y <= y2 (its border included). Return, for each
    box in order, the number of points inside it.

    Bounds: 0 <= len(points) <= 4_000; 0 <= len(boxes) <= 4_000;
    -10**9 <= every coordinate <= 10**9.

    >>> points = [(1, 1), (2, 5), (4, 3), (4, 3), (6, 0)]
    >>> box_counts(points, [(1, 1, 4, 3), (0, 0, 10, 10), (5, 4, 9, 9)])
    [3, 5, 0]
    >>> box_counts([], [(0, 0, 1, 1)])
    [0]
    """
