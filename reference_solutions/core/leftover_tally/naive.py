def total_leftovers(sweets: int, max_group: int) -> int:
    # Every group size in turn: O(max_group).
    return sum(sweets % k for k in range(1, max_group + 1))
