def session_stats(events: list[tuple[str, int]], gap: int) -> dict[str, tuple[int, int]]:
    """events[i] = (user, timestamp) records one action of user at that time.
    The events come in no particular order, and a user may have several events
    with the same timestamp.

    Take one user's timestamps in increasing order. Two consecutive timestamps
    belong to the same session when the later one is at most gap after the
    earlier one; a difference larger than gap ends a session and starts the
    next. A session's duration is its last timestamp minus its first (0 for a
    session of one event).

    Return a dict that maps every user occurring in events to the pair
    (number of sessions, longest session duration).

    Bounds: 0 <= len(events) <= 90_000; a user is 1 to 12 ASCII lowercase
    letters and digits; 0 <= timestamp <= 10**9; 0 <= gap <= 10**6.

    >>> session_stats([("ann", 50), ("bob", 7), ("ann", 10), ("ann", 20), ("ann", 100)], 30)
    {'ann': (2, 40), 'bob': (1, 0)}
    >>> session_stats([], 5)
    {}
    """
