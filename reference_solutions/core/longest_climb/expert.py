from bisect import bisect_left


def longest_climb(values: list[int]) -> int:
    # tails[k] is the smallest last value of an increasing subsequence of length k + 1;
    # tails stays sorted, so each value finds its place by bisection: O(n log n).
    # A value above every tail extends the longest one without a search.
    if not values:
        return 0
    search = bisect_left
    tails = [values[0]]
    append = tails.append
    last = values[0]
    for v in values:
        if v > last:
            append(v)
            last = v
        else:
            i = search(tails, v)
            tails[i] = v
            last = tails[-1]
    return len(tails)
