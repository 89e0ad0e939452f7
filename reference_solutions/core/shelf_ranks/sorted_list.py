from bisect import bisect_left, insort


def shelf_ranks(ops: list[tuple[str, int]]) -> list[int]:
    # One sorted list: O(log n) queries, but every add or remove shifts O(n) items.
    shelf: list[int] = []
    out = []
    push = out.append
    for name, value in ops:
        if name == "add":
            insort(shelf, value)
        elif name == "remove":
            del shelf[bisect_left(shelf, value)]
        elif name == "rank":
            push(bisect_left(shelf, value))
        else:
            push(shelf[value - 1])
    return out
