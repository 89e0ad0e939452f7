def count_pairs(values: list[int], target: int) -> int:
    """Return how many index pairs (i, j) with i < j satisfy
    values[i] + values[j] == target.

    Bounds: 0 <= len(values) <= 90_000; -10**6 <= values[k] <= 10**6;
    -2 * 10**6 <= target <= 2 * 10**6. The answer may exceed 2**31.

    >>> count_pairs([1, 2, 3, 2], 4)
    2
    >>> count_pairs([], 0)
    0
    """
