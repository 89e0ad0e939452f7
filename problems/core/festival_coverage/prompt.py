def live_minutes(acts: list[tuple[int, int]], windows: list[tuple[int, int]]) -> list[int]:
    """A festival schedule lists acts as (start, end): the act plays during
    every whole minute t with start <= t <= end. Acts may overlap, nest or
    repeat. For each window (a, b), count the minutes t with a <= t <= b
    during which at least one act is playing. Return the counts in the order
    of the windows.

    Bounds: 0 <= len(acts) <= 14_000; 0 <= len(windows) <= 14_000;
    0 <= start <= end <= 10**9; 0 <= a <= b <= 10**9.

    >>> live_minutes([(2, 4), (3, 7), (10, 10)], [(0, 20), (5, 10), (8, 9)])
    [7, 4, 0]
    >>> live_minutes([], [(0, 5)])
    [0]
    """
