def shelf_minimums(values: list[int], operations: list[tuple]) -> list[int]:
    # A plain list: assignments are O(1), every query scans its range, O(n).
    shelf = list(values)
    out = []
    for kind, a, b in operations:
        if kind == "set":
            shelf[a] = b
        else:
            out.append(min(shelf[a : b + 1]))
    return out
