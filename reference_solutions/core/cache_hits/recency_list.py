def cache_hits(capacity: int, keys: list[int]) -> tuple[int, list[int]]:
    # A list from least to most recently used: membership, removal and eviction
    # from the front all take O(capacity) per request.
    order: list[int] = []
    hits = 0
    evicted = []
    for key in keys:
        if key in order:
            hits += 1
            order.remove(key)
        elif len(order) == capacity:
            evicted.append(order.pop(0))
        order.append(key)
    return hits, evicted
