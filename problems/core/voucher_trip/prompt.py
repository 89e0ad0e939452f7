def cheapest_trip(n: int, roads: list[list[int]], start: int, goal: int) -> int:
    """There are n towns numbered 0..n-1. A road [u, v, cost] joins towns u
    and v and costs `cost` each time it is travelled, in either direction.
    Several roads may join the same pair of towns, and a road may have u == v.

    You hold one voucher that makes a single journey along one road free; you
    may also leave it unused. Return the minimum total cost of travelling from
    start to goal, or -1 if goal cannot be reached from start.

    Bounds: 1 <= n <= 4_800; 0 <= len(roads) <= 12_000;
    0 <= u, v, start, goal < n; 0 <= cost <= 10**9.

    >>> cheapest_trip(4, [[0, 1, 5], [1, 3, 7], [0, 2, 2], [2, 3, 9]], 0, 3)
    2
    >>> cheapest_trip(3, [[0, 1, 4]], 0, 2)
    -1
    """
