def count_at_generation(parent: list[int], queries: list[list[int]]) -> list[int]:
    """A family tree has n = len(parent) people numbered 0..n-1. parent[i] is
    the parent of person i, and exactly one person (the founder) has
    parent -1; every person descends from the founder. Parents need not have
    smaller numbers than their children.

    For each query [u, k], count the descendants of u that are exactly k
    generations below u (k = 0 counts u alone, k = 1 counts u's children,
    k = 2 the grandchildren, and so on). Return the counts in query order.

    Bounds: 1 <= n <= 17_000; 0 <= len(queries) <= 17_000;
    0 <= u < n; 0 <= k <= n.

    >>> count_at_generation([-1, 0, 0, 1, 1, 2], [[0, 2], [1, 1], [2, 0], [5, 1]])
    [3, 2, 1, 0]
    >>> count_at_generation([2, 2, -1], [[2, 1], [2, 3]])
    [2, 0]
    """
