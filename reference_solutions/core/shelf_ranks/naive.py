def shelf_ranks(ops: list[tuple[str, int]]) -> list[int]:
    # An unsorted list: ranks count by scanning every value, k-th sorts a copy.
    shelf: list[int] = []
    out = []
    for name, value in ops:
        if name == "add":
            shelf.append(value)
        elif name == "remove":
            shelf.remove(value)
        elif name == "rank":
            count = 0
            for item in shelf:
                if item < value:
                    count += 1
            out.append(count)
        else:
            out.append(sorted(shelf)[value - 1])
    return out
