def count_varied_segments(genres: list[int], limit: int) -> int:
    # Extend every start until the variety limit is exceeded: O(n * window).
    total = 0
    n = len(genres)
    for i in range(n):
        seen = set()
        for j in range(i, n):
            seen.add(genres[j])
            if len(seen) > limit:
                break
            total += 1
    return total
