def district_summary(n: int, roads: list[tuple[int, int]]) -> tuple[int, int]:
    """A town has n intersections numbered 0 .. n - 1, joined by one-way
    roads: roads[k] = (a, b) lets you drive from a to b, not back. Roads may
    repeat, and a road may lead from an intersection to itself.

    Intersection x can reach y when y == x or some sequence of roads leads
    from x to y. A district is a largest possible set of intersections in
    which every intersection can reach every other one of the set; every
    intersection belongs to exactly one district (perhaps on its own).
    Return (number of districts, number of intersections in the largest
    district), or (0, 0) when n == 0.

    Bounds: 0 <= n <= 12_000; 0 <= len(roads) <= 46_000; 0 <= a, b < n.

    >>> district_summary(5, [(0, 1), (1, 2), (2, 0), (2, 3), (3, 4)])
    (3, 3)
    >>> district_summary(2, [(0, 1), (0, 1)])
    (2, 1)
    """
