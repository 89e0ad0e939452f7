def alignment_cost(first: list[int], second: list[int], skip_cost: int) -> int:
    # The textbook table kept in a dict keyed by (i, j) tuples, one min() and
    # abs() call per cell: O(n * m) time and memory, slow constant factor.
    n, m = len(first), len(second)
    cost = {}
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0:
                cost[(i, j)] = j * skip_cost
            elif j == 0:
                cost[(i, j)] = i * skip_cost
            else:
                cost[(i, j)] = min(
                    cost[(i - 1, j - 1)] + abs(first[i - 1] - second[j - 1]),
                    cost[(i - 1, j)] + skip_cost,
                    cost[(i, j - 1)] + skip_cost,
                )
    return cost[(n, m)]
