def count_pairs(values: list[int], target: int) -> int:
    # Every pair is tried: O(n^2).
    total = 0
    for i in range(len(values)):
        for j in range(i + 1, len(values)):
            if values[i] + values[j] == target:
                total += 1
    return total
