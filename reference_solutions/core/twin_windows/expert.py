from bisect import bisect_left, bisect_right


def twin_pairs_in_windows(windows: list[list[int]]) -> list[int]:
    if not windows:
        return []
    top = max(hi for _, hi in windows)
    # Odd numbers only: index i stands for 2 * i + 1.
    half = (top + 1) // 2
    sieve = bytearray([1]) * half
    if half:
        sieve[0] = 0
    p = 3
    while p * p <= top:
        if sieve[p >> 1]:
            # Cross off the odd multiples from p*p in one slice assignment.
            first = (p * p) >> 1
            sieve[first::p] = bytes(len(range(first, half, p)))
        p += 2
    # A twin pair (p, p + 2), p odd, is two neighbouring set bytes.
    starts = []
    push = starts.append
    find = sieve.find
    pattern = b"\x01\x01"
    i = find(pattern)
    while i != -1:
        push(2 * i + 1)
        i = find(pattern, i + 1)
    out = []
    for lo, hi in windows:
        k = bisect_right(starts, hi - 2) - bisect_left(starts, lo)
        out.append(k if k > 0 else 0)
    return out
