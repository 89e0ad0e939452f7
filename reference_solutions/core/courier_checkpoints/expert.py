from collections import deque


def cheapest_route(fees: list[int], reach: int) -> int:
    # Keep the window's candidates in a deque with increasing totals, so the
    # front is always the window minimum: O(n).
    n = len(fees)
    if n == 1:
        return fees[0]
    vals = deque([fees[0]])
    idxs = deque([0])
    pop_front_v, pop_front_i = vals.popleft, idxs.popleft
    pop_v, pop_i = vals.pop, idxs.pop
    push_v, push_i = vals.append, idxs.append
    b = fees[0]
    for i in range(1, n):
        if idxs[0] < i - reach:
            pop_front_v()
            pop_front_i()
        b = vals[0] + fees[i]
        while vals and vals[-1] >= b:
            pop_v()
            pop_i()
        push_v(b)
        push_i(i)
    return b
