def cache_hits(capacity: int, keys: list[int]) -> tuple[int, list[int]]:
    """Simulate a cache that holds at most `capacity` keys and evicts the least
    recently used one. It starts empty; the keys are requested in list order.

    A request for a key in the cache is a hit, and the key becomes the most
    recently used. A request for a key not in the cache is a miss: if the cache
    already holds `capacity` keys, the key whose last request is the oldest is
    evicted first; then the requested key enters the cache as the most
    recently used.

    Return (number of hits, list of the evicted keys in eviction order).

    Bounds: 1 <= capacity <= 100_000; 0 <= len(keys) <= 72_000;
    -10**9 <= key <= 10**9.

    >>> cache_hits(2, [1, 2, 1, 3, 2, 1])
    (1, [2, 1, 3])
    >>> cache_hits(3, [])
    (0, [])
    """
