import heapq


def min_spray_radius(beds: list[int], sprinklers: int) -> int:
    # The best reach waters some group of beds exactly, so the width it needs
    # is a difference of two bed positions. Walk all such differences in
    # increasing order (a merge of the n sorted rows xs[j] - xs[i], j >= i)
    # and test each new one with a full greedy pass: O(n^2 log n + n^3).
    xs = sorted(beds)
    n = len(xs)
    heap = [(0, i, i) for i in range(n)]
    last_tried = -1
    while heap:
        width, i, j = heapq.heappop(heap)
        if j + 1 < n:
            heapq.heappush(heap, (xs[j + 1] - xs[i], i, j + 1))
        if width == last_tried:
            continue
        last_tried = width
        used = 0
        reach = -1
        for x in xs:
            if x > reach:
                used += 1
                reach = x + width
        if used <= sprinklers:
            return (width + 1) // 2
    return 0
