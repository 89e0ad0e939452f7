def count_varied_segments(genres: list[int], limit: int) -> int:
    # One pass with a shrinking left edge: O(n).
    if limit <= 0:
        return 0
    counts: dict[int, int] = {}
    get = counts.get
    distinct = 0
    left = 0
    total = 0
    for right, genre in enumerate(genres):
        seen = get(genre, 0)
        if not seen:
            distinct += 1
        counts[genre] = seen + 1
        while distinct > limit:
            old = genres[left]
            left += 1
            remaining = counts[old] - 1
            counts[old] = remaining
            if not remaining:
                distinct -= 1
        total += right - left
    return total + len(genres)
