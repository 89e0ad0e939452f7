def cheapest_route(fees: list[int], reach: int) -> int:
    # best[i] = fees[i] + min over the whole window behind i: O(n * reach).
    n = len(fees)
    best = [0] * n
    best[0] = fees[0]
    for i in range(1, n):
        best[i] = fees[i] + min(best[max(0, i - reach) : i])
    return best[-1]
