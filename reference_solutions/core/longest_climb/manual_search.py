def longest_climb(values: list[int]) -> int:
    # The same sorted list of tails, O(n log n), with the binary search written out
    # in Python instead of bisect.
    tails: list[int] = []
    for v in values:
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if tails[mid] < v:
                lo = mid + 1
            else:
                hi = mid
        if lo == len(tails):
            tails.append(v)
        else:
            tails[lo] = v
    return len(tails)
