def rank_finishers(entries: list[tuple[str, int, int]]) -> list[str]:
    # One sort on a freshly built tuple key per entry.
    ordered = sorted(entries, key=lambda e: (-e[1], e[2], e[0]))
    return [e[0] for e in ordered]
