def count_mirror_stretches(beads: str, min_len: int) -> int:
    # Manacher's algorithm on the string interleaved with a separator gives,
    # for every centre, the longest mirror stretch there (radius r = its
    # length); the stretches at that centre have lengths r, r - 2, ... : O(n).
    n = len(beads)
    if n == 0:
        return 0
    t = "\x00" + "\x00".join(beads) + "\x00"
    size = len(t)
    rad = [0] * size
    centre = right = 0
    total = 0
    odd_low = min_len if min_len % 2 else min_len + 1
    even_low = min_len if min_len % 2 == 0 else min_len + 1
    for i in range(size):
        if i < right:
            r = rad[2 * centre - i]
            if r < right - i:
                rad[i] = r
                if r >= min_len:
                    total += ((r - odd_low) >> 1) + 1 if r & 1 else ((r - even_low) >> 1) + 1
                continue
            r = right - i
        else:
            r = 0
        lo = i - r - 1
        hi = i + r + 1
        while lo >= 0 and hi < size and t[lo] == t[hi]:
            lo -= 1
            hi += 1
        r = hi - i - 1
        rad[i] = r
        if i + r > right:
            centre, right = i, i + r
        if r >= min_len:
            total += ((r - odd_low) >> 1) + 1 if r & 1 else ((r - even_low) >> 1) + 1
    return total
