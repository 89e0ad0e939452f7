import heapq
from dataclasses import dataclass


@dataclass(order=True)
class _Busy:
    free_at: int
    clerk: int


@dataclass(order=True)
class _Idle:
    clerk: int


def assign_clerks(clerks: int, visitors: list[tuple[int, int]]) -> list[int]:
    # Same two heaps, O(n log m), but the entries are dataclass objects, so
    # every heap comparison runs a Python-level __lt__.
    idle = [_Idle(c) for c in range(clerks)]
    busy: list[_Busy] = []
    out = []
    for arrival, duration in visitors:
        while len(busy) > 0 and busy[0].free_at <= arrival:
            done = heapq.heappop(busy)
            heapq.heappush(idle, _Idle(done.clerk))
        if len(idle) > 0:
            clerk = heapq.heappop(idle).clerk
            heapq.heappush(busy, _Busy(arrival + duration, clerk))
        else:
            done = heapq.heappop(busy)
            heapq.heappush(busy, _Busy(done.free_at + duration, done.clerk))
            clerk = done.clerk
        out.append(clerk)
    return out
