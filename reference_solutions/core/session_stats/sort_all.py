def session_stats(events: list[tuple[str, int]], gap: int) -> dict[str, tuple[int, int]]:
    # Sort all events by (user, timestamp), build each user's sessions as
    # [first, last] lists, then summarise them.
    sessions: dict[str, list[list[int]]] = {}
    for user, t in sorted(events):
        if user in sessions and t - sessions[user][-1][1] <= gap:
            sessions[user][-1][1] = t
        else:
            sessions.setdefault(user, []).append([t, t])
    result = {}
    for user, spans in sessions.items():
        result[user] = (len(spans), max(last - first for first, last in spans))
    return result
