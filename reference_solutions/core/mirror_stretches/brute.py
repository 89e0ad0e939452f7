def count_mirror_stretches(beads: str, min_len: int) -> int:
    # Check every stretch directly: O(n^3).
    n = len(beads)
    total = 0
    for i in range(n):
        for j in range(i + min_len, n + 1):
            piece = beads[i:j]
            if piece == piece[::-1]:
                total += 1
    return total
