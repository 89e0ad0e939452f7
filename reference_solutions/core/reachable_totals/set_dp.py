def reachable_totals(weights: list[int], cap: int) -> int:
    # A set of reachable totals, grown entry by entry: O(n * cap) set operations.
    reach = {0}
    for weight in weights:
        reach |= {t + weight for t in reach if t + weight <= cap}
    return len(reach)
