def min_assignment(cost: list[list[int]]) -> int:
    """There are n workers and n jobs; cost is an n x n matrix where
    cost[i][j] is what it costs to have worker i do job j. Every worker must
    get exactly one job and every job exactly one worker. Return the smallest
    possible total cost of such an assignment (0 when n == 0).

    Bounds: 0 <= n <= 86 (every row has n entries);
    -10**6 <= cost[i][j] <= 10**6.

    >>> min_assignment([[4, 1, 3], [2, 0, 5], [3, 2, 2]])
    5
    >>> min_assignment([])
    0
    """
