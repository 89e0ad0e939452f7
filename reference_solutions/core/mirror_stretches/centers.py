def count_mirror_stretches(beads: str, min_len: int) -> int:
    # Grow outwards from each of the 2n - 1 centres: O(n^2) on long runs.
    n = len(beads)
    total = 0
    for centre in range(2 * n - 1):
        lo = centre // 2
        hi = lo + centre % 2
        while lo >= 0 and hi < n and beads[lo] == beads[hi]:
            if hi - lo + 1 >= min_len:
                total += 1
            lo -= 1
            hi += 1
    return total
