def total_swing(prices: list[int]) -> int:
    """prices[i] is the closing price of a share on day i. For every window
    of consecutive days prices[i..j] (0 <= i <= j < len(prices)), its swing is
    the highest price in the window minus the lowest. Return the sum of the
    swings of all windows.

    Bounds: 0 <= len(prices) <= 48_000; 0 <= prices[i] <= 10**9.

    >>> total_swing([1, 3, 2])
    5
    >>> total_swing([4, 4])
    0
    """
