def total_swing(prices: list[int]) -> int:
    # Each day's contribution as a max (and as a min) is its price times the
    # number of windows where it is the (leftmost-tie) extreme, found by
    # walking outwards from the day: O(n * reach), O(n^2) on long trends.
    n = len(prices)
    total = 0
    for i, x in enumerate(prices):
        left = i
        while left > 0 and prices[left - 1] < x:
            left -= 1
        right = i
        while right + 1 < n and prices[right + 1] <= x:
            right += 1
        total += x * (i - left + 1) * (right - i + 1)
        left = i
        while left > 0 and prices[left - 1] > x:
            left -= 1
        right = i
        while right + 1 < n and prices[right + 1] >= x:
            right += 1
        total -= x * (i - left + 1) * (right - i + 1)
    return total
