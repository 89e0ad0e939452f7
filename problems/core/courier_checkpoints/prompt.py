def cheapest_route(fees: list[int], reach: int) -> int:
    """A courier travels along a road with checkpoints 0 .. n - 1 and must
    start at checkpoint 0 and finish at checkpoint n - 1. From checkpoint i
    she may move forward to any checkpoint j with i < j <= i + reach. At every
    checkpoint she stops at (including the first and the last) she pays
    fees[i]; a negative fee is a rebate. Return the smallest possible total.

    Bounds: 1 <= len(fees) <= 100_000; 1 <= reach <= 100_000;
    -10**9 <= fees[i] <= 10**9.

    >>> cheapest_route([1, 5, 2, 9, 3], 2)
    6
    >>> cheapest_route([4, -1, -2, 7], 3)
    8
    """
