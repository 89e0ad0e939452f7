def total_swing(prices: list[int]) -> int:
    # Sum over windows of max minus sum over windows of min. For the windows
    # ending at day i, the max-sum is (max-sum ending at p) + x * (i - p)
    # where p is the last earlier day with a price > x (found by popping a
    # stack of decreasing prices); likewise for the min. O(n) overall.
    hi_vals = [1 << 62]  # sentinel above every price
    hi_pos = [-1]
    hi_sum = [0]
    lo_vals = [-1]  # sentinel below every price
    lo_pos = [-1]
    lo_sum = [0]
    cur_hi = cur_lo = 0
    total = 0
    for i, x in enumerate(prices):
        while hi_vals[-1] <= x:
            hi_vals.pop()
            hi_pos.pop()
            hi_sum.pop()
        cur_hi = hi_sum[-1] + x * (i - hi_pos[-1])
        hi_vals.append(x)
        hi_pos.append(i)
        hi_sum.append(cur_hi)
        while lo_vals[-1] >= x:
            lo_vals.pop()
            lo_pos.pop()
            lo_sum.pop()
        cur_lo = lo_sum[-1] + x * (i - lo_pos[-1])
        lo_vals.append(x)
        lo_pos.append(i)
        lo_sum.append(cur_lo)
        total += cur_hi - cur_lo
    return total
