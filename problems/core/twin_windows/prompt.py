def twin_pairs_in_windows(windows: list[list[int]]) -> list[int]:
    """Two primes p and p + 2 form a twin pair. For each window [lo, hi],
    count the twin pairs that lie entirely inside it, that is the primes p
    with lo <= p and p + 2 <= hi such that p + 2 is prime too. Return the
    counts in window order.

    Bounds: 0 <= len(windows) <= 8_600; 1 <= lo <= hi <= 4_300_000.

    >>> twin_pairs_in_windows([[1, 20], [5, 7], [6, 13], [14, 16]])
    [4, 1, 1, 0]
    >>> twin_pairs_in_windows([])
    []
    """
