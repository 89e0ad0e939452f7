def count_varied_segments(genres: list[int], limit: int) -> int:
    """A radio station logs the genre code of every song in the order it was
    played. A segment is a non-empty run of consecutive songs
    genres[i], genres[i + 1], ..., genres[j] with i <= j. Return how many
    segments contain at most `limit` distinct genre codes.

    Bounds: 0 <= len(genres) <= 95_000; 0 <= genres[k] < 10**9;
    0 <= limit <= 95_000. The answer may exceed 2**31.

    >>> count_varied_segments([4, 4, 7, 4, 9], 2)
    12
    >>> count_varied_segments([1, 2, 3], 0)
    0
    """
