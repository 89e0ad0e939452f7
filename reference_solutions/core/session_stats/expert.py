from collections import defaultdict


def session_stats(events: list[tuple[str, int]], gap: int) -> dict[str, tuple[int, int]]:
    # Group the timestamps by user in one pass (no sort of (user, time) tuples,
    # whose comparisons are slow), sort each user's list of plain ints, then one
    # tight scan per user; the longest session is only updated when one ends.
    by_user: defaultdict[str, list[int]] = defaultdict(list)
    for user, t in events:
        by_user[user].append(t)
    out = {}
    for user, times in by_user.items():
        times.sort()
        sessions = 1
        longest = 0
        start = last = times[0]
        for t in times:
            if t - last > gap:
                sessions += 1
                if last - start > longest:
                    longest = last - start
                start = t
            last = t
        if last - start > longest:
            longest = last - start
        out[user] = (sessions, longest)
    return out
