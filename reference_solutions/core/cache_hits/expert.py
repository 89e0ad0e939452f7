from collections import OrderedDict


def cache_hits(capacity: int, keys: list[int]) -> tuple[int, list[int]]:
    # An OrderedDict (a hash table over a linked list): moving a hit to the
    # end and popping the oldest key are both O(1).
    cache: OrderedDict[int, None] = OrderedDict()
    touch = cache.move_to_end
    pop_oldest = cache.popitem
    hits = 0
    evicted = []
    push = evicted.append
    size = 0
    for key in keys:
        if key in cache:
            hits += 1
            touch(key)
        else:
            if size == capacity:
                push(pop_oldest(False)[0])
            else:
                size += 1
            cache[key] = None
    return hits, evicted
