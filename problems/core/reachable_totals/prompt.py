def reachable_totals(weights: list[int], cap: int) -> int:
    """weights is a list of positive ints (values may repeat; each list entry
    may be used at most once). A total is reachable if it is the sum of some
    sub-collection of the entries; the empty sub-collection gives 0. Return
    how many distinct reachable totals t satisfy 0 <= t <= cap.

    Bounds: 0 <= len(weights) <= 4_000; 1 <= weights[i] <= 10**6;
    0 <= cap <= 250_000.

    >>> reachable_totals([3, 5, 5], 9)
    4
    >>> reachable_totals([], 7)
    1
    """
