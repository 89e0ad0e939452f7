def total_swing(prices: list[int]) -> int:
    # Every window, extending the end while tracking max and min: O(n^2).
    total = 0
    n = len(prices)
    for i in range(n):
        high = low = prices[i]
        for j in range(i, n):
            x = prices[j]
            if x > high:
                high = x
            elif x < low:
                low = x
            total += high - low
    return total
