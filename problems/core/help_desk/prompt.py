def assign_clerks(clerks: int, visitors: list[tuple[int, int]]) -> list[int]:
    """A help desk has clerks numbered 0 .. clerks - 1, all idle at the start.
    visitors[i] = (arrival, duration): visitor i arrives at time `arrival`
    and needs `duration` time units with one clerk. Arrivals are
    non-decreasing; visitors are handled strictly in list order.

    A clerk serving a visitor from time s is busy until s + duration and can
    take the next visitor at that very time. When visitor i's turn comes:
    if some clerk is idle at that visitor's arrival time, the idle clerk with
    the smallest number serves them at once; otherwise the visitor waits, and
    is served by the clerk who becomes idle the earliest (the smallest number
    among clerks becoming idle at the same moment), starting at that moment.
    Return, for each visitor in order, the number of the clerk who serves them.

    Bounds: 1 <= clerks <= 100_000; 0 <= len(visitors) <= 32_000;
    0 <= arrival <= 10**9; 1 <= duration <= 10**6.

    >>> assign_clerks(2, [(0, 5), (1, 2), (2, 4), (3, 1), (6, 1)])
    [0, 1, 1, 0, 0]
    >>> assign_clerks(3, [])
    []
    """
