def shelf_ranks(ops: list[tuple[str, int]]) -> list[int]:
    """A shelf holds a multiset of integers; it starts empty. Apply the
    operations of ops in order; each is a pair (name, value):

    - ("add", x): put one copy of x on the shelf;
    - ("remove", x): take one copy of x off the shelf (x is on the shelf);
    - ("rank", x): report how many values on the shelf (copies counted) are
      strictly less than x;
    - ("kth", k): report the k-th smallest value on the shelf, copies counted,
      1-based (1 <= k <= the number of values on the shelf).

    Return the reports of the "rank" and "kth" operations, in order.

    Bounds: 0 <= len(ops) <= 28_000; 0 <= x <= 10**6 for every x.

    >>> shelf_ranks([("add", 5), ("add", 1), ("add", 5), ("rank", 5), ("kth", 3)])
    [1, 5]
    >>> shelf_ranks([("add", 7), ("add", 7), ("remove", 7), ("kth", 1), ("rank", 8)])
    [7, 1]
    """
