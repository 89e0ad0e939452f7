def shelf_minimums(values: list[int], operations: list[tuple]) -> list[int]:
    """A shelf holds the integers of `values` at positions 0 .. n - 1
    (n = len(values)). Apply the operations in order; each is a tuple:

    - ("set", i, v): the value at position i becomes v;
    - ("min", lo, hi): report the smallest value at positions lo .. hi,
      both ends included, as the shelf stands at that moment.

    Indices satisfy 0 <= i < n and 0 <= lo <= hi < n. Return the reports of
    the "min" operations, in order (an empty list if there are none).

    Bounds: 0 <= n <= 100_000; 0 <= len(operations) <= 6_000;
    -10**9 <= every value, v <= 10**9.

    >>> shelf_minimums([5, 2, 8, 6], [("min", 2, 3), ("set", 1, 9), ("min", 0, 3), ("min", 1, 1)])
    [6, 5, 9]
    >>> shelf_minimums([], [])
    []
    """
