from operator import itemgetter


def rank_finishers(entries: list[tuple[str, int, int]]) -> list[str]:
    # Three stable C-level sorts, least significant key first, with cheap
    # itemgetter keys (no per-element tuple building); reverse=True keeps
    # stability for the points pass.
    ordered = sorted(entries, key=itemgetter(0))
    ordered.sort(key=itemgetter(2))
    ordered.sort(key=itemgetter(1), reverse=True)
    return [entry[0] for entry in ordered]
