def range_boost(n: int, ops: list[tuple]) -> list[int]:
    """An array a of n integers starts as all zeros. Apply the operations of
    ops in order; each is a tuple:

    - ("add", l, r, v): add v to every a[i] with l <= i <= r;
    - ("max", l, r): report max(a[l], a[l + 1], ..., a[r]).

    Indices are 0-based with 0 <= l <= r < n. Return the reports of the "max"
    operations, in order.

    Bounds: 1 <= n <= 100_000; 0 <= len(ops) <= 2_400; -10**9 <= v <= 10**9.

    >>> range_boost(5, [("add", 1, 3, 4), ("add", 2, 4, -6), ("max", 2, 4), ("max", 0, 4)])
    [-2, 4]
    >>> range_boost(1, [("max", 0, 0)])
    [0]
    """
