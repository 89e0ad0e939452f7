def distinct_loads(crates: list[int], capacity: int) -> int:
    # One flag per total, updated downwards for every crate: O(n * capacity)
    # Python-level steps.
    reachable = [False] * (capacity + 1)
    reachable[0] = True
    for w in crates:
        for total in range(capacity, w - 1, -1):
            if reachable[total - w]:
                reachable[total] = True
    return sum(reachable) - 1
