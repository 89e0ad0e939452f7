def cache_hits(capacity: int, keys: list[int]) -> tuple[int, list[int]]:
    # A dict in insertion order, a hit moved to the end by delete and re-insert,
    # the oldest key found with next(iter(...)). Deleted slots stay at the front
    # of the dict's entry table until it is rebuilt, so that lookup rescans them:
    # up to O(capacity) per eviction.
    cache: dict[int, None] = {}
    hits = 0
    evicted = []
    for key in keys:
        if key in cache:
            hits += 1
            del cache[key]
        elif len(cache) == capacity:
            oldest = next(iter(cache))
            del cache[oldest]
            evicted.append(oldest)
        cache[key] = None
    return hits, evicted
