import heapq


def assign_clerks(clerks: int, visitors: list[tuple[int, int]]) -> list[int]:
    # Same two heaps, with (time, clerk) tuples in the busy heap.
    idle = list(range(clerks))
    busy = []
    out = []
    for arrival, duration in visitors:
        while busy and busy[0][0] <= arrival:
            _, clerk = heapq.heappop(busy)
            heapq.heappush(idle, clerk)
        if idle:
            clerk = heapq.heappop(idle)
            heapq.heappush(busy, (arrival + duration, clerk))
        else:
            free_at, clerk = heapq.heappop(busy)
            heapq.heappush(busy, (free_at + duration, clerk))
        out.append(clerk)
    return out
