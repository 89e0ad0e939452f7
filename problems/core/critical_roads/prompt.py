def critical_roads(n: int, roads: list[tuple[int, int]]) -> list[int]:
    """A region has n towns numbered 0 .. n - 1 and two-way roads:
    roads[i] = (a, b) joins towns a and b (a != b). Two towns may be joined
    by several roads, and the region may already be in several separate
    parts. Road i is critical when closing it alone leaves more separate
    parts than before (some two towns that were connected are no longer).
    Return the indices of all critical roads in increasing order.

    Bounds: 0 <= n <= 9_000; 0 <= len(roads) <= 20_000; 0 <= a, b < n.

    >>> critical_roads(5, [(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 3)])
    [3]
    >>> critical_roads(3, [(0, 1), (1, 2)])
    [0, 1]
    """
