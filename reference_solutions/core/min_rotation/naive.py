def smallest_rotations(strings: list[str]) -> list[int]:
    # Every rotation is built and compared: O(n^2) per string.
    out = []
    for s in strings:
        n = len(s)
        best = 0
        best_rotation = s
        for i in range(1, n):
            rotation = s[i:] + s[:i]
            if rotation < best_rotation:
                best, best_rotation = i, rotation
        out.append(best)
    return out
