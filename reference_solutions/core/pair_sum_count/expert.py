from collections import Counter


def count_pairs(values: list[int], target: int) -> int:
    counts = Counter(values)
    total = 0
    for value, count in counts.items():
        other = target - value
        if other == value:
            total += count * (count - 1)
        else:
            total += count * counts.get(other, 0)
    return total // 2
