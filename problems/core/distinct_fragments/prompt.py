def distinct_fragments(s: str, ks: list[int]) -> list[int]:
    """s consists of lowercase ASCII letters. For each k in ks, count the
    different strings among the substrings s[i:i + k] of length exactly k
    (0 <= i <= len(s) - k); the count is 0 when k > len(s). Return the counts
    in the order of ks (ks may repeat values and need not be sorted).

    Bounds: 0 <= len(s) <= 14_000; 0 <= len(ks) <= 60; 1 <= k <= 10**6.

    >>> distinct_fragments("banana", [1, 2, 3, 6, 7])
    [3, 3, 3, 1, 0]
    >>> distinct_fragments("aaaa", [2])
    [1]
    """
