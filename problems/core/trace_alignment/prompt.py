def alignment_cost(first: list[int], second: list[int], skip_cost: int) -> int:
    """Two sensors recorded the same event as integer readings, but each trace
    has spurious and missing samples. Align them: walk both traces from the
    start, and at each step either pair the next reading x of `first` with
    the next reading y of `second` (cost |x - y|), or skip the next reading of
    either trace (cost skip_cost). Every reading must be paired or skipped
    exactly once. Return the smallest total cost.

    Bounds: 0 <= len(first), len(second) <= 430;
    0 <= readings <= 10**6; 0 <= skip_cost <= 10**6.

    >>> alignment_cost([1, 5, 9], [1, 9], 3)
    3
    >>> alignment_cost([], [4, 4], 7)
    14
    """
