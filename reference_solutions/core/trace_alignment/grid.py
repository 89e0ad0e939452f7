def alignment_cost(first: list[int], second: list[int], skip_cost: int) -> int:
    # Full list-of-lists table with double indexing per cell: O(n * m).
    n, m = len(first), len(second)
    cost = [[0] * (m + 1) for _ in range(n + 1)]
    for j in range(m + 1):
        cost[0][j] = j * skip_cost
    for i in range(1, n + 1):
        cost[i][0] = i * skip_cost
        for j in range(1, m + 1):
            cost[i][j] = min(
                cost[i - 1][j - 1] + abs(first[i - 1] - second[j - 1]),
                cost[i - 1][j] + skip_cost,
                cost[i][j - 1] + skip_cost,
            )
    return cost[n][m]
