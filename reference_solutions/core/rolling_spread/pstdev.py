from statistics import pstdev


def window_spread(values: list[float], k: int) -> list[float]:
    # Every window recomputed from scratch with statistics.pstdev (exact sums):
    # O(n * k).
    return [pstdev(values[i : i + k]) for i in range(len(values) - k + 1)]
