def longest_climb(values: list[int]) -> int:
    """Return the length of the longest strictly increasing subsequence of
    values: the largest k for which there are indices i1 < i2 < ... < ik with
    values[i1] < values[i2] < ... < values[ik] (the chosen entries need not be
    adjacent). An empty list gives 0.

    Bounds: 0 <= len(values) <= 100_000; -10**9 <= values[i] <= 10**9.

    >>> longest_climb([5, 1, 4, 2, 3, 3, 9])
    4
    >>> longest_climb([7, 7, 7])
    1
    """
