def rained_area(rects: list[tuple[int, int, int, int]]) -> int:
    """Storm cells over a map are axis-parallel rectangles: rects[i] =
    (x1, y1, x2, y2) covers the points (x, y) with x1 <= x <= x2 and
    y1 <= y <= y2. Rectangles may overlap, nest or touch; one with x1 == x2 or
    y1 == y2 has zero area. Return the total area of the region covered by at
    least one rectangle (area counted once however many rectangles cover it).

    Bounds: 0 <= len(rects) <= 2_600; 0 <= x1 <= x2 <= 10**9;
    0 <= y1 <= y2 <= 10**9.

    >>> rained_area([(0, 0, 4, 3), (2, 1, 6, 5), (10, 10, 10, 20)])
    24
    >>> rained_area([])
    0
    """
