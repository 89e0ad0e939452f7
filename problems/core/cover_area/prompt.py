def cover_area(rects: list[tuple[int, int, int, int]]) -> int:
    """Each rects[k] = (x1, y1, x2, y2), with x1 <= x2 and y1 <= y2, is the
    axis-parallel rectangle with lower-left corner (x1, y1) and upper-right
    corner (x2, y2). Rectangles may overlap, nest or touch; a rectangle with
    x1 == x2 or y1 == y2 has no area. Return the total area of the plane
    covered by at least one rectangle (overlaps count once).

    Bounds: 0 <= len(rects) <= 2_400; 0 <= x1, y1, x2, y2 <= 10**9
    (the answer may exceed 2**63).

    >>> cover_area([(0, 0, 4, 3), (2, 1, 6, 5), (10, 10, 10, 20)])
    24
    >>> cover_area([])
    0
    """
