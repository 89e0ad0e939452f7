def longest_climb(values: list[int]) -> int:
    # best[i] is the longest increasing subsequence ending at i, from every j < i:
    # O(n^2).
    best = []
    for i, v in enumerate(values):
        length = 1
        for j in range(i):
            if values[j] < v and best[j] + 1 > length:
                length = best[j] + 1
        best.append(length)
    return max(best, default=0)
