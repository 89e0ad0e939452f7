from heapq import heappop, heappush, heapreplace


def assign_clerks(clerks: int, visitors: list[tuple[int, int]]) -> list[int]:
    # Two heaps, O(n log m): idle clerk numbers, and busy clerks keyed by the
    # time they become idle. The busy key packs (time, clerk) into one int,
    # time << shift | clerk, so the heap compares plain ints, not tuples.
    shift = clerks.bit_length()
    mask = (1 << shift) - 1
    idle = list(range(clerks))  # sorted, hence already a heap
    busy: list[int] = []
    out = []
    push = out.append
    for arrival, duration in visitors:
        if busy:
            limit = (arrival << shift) | mask
            while busy and busy[0] <= limit:
                heappush(idle, heappop(busy) & mask)
        if idle:
            clerk = heappop(idle)
            heappush(busy, ((arrival + duration) << shift) | clerk)
        else:
            key = busy[0]
            clerk = key & mask
            heapreplace(busy, (((key >> shift) + duration) << shift) | clerk)
        push(clerk)
    return out
