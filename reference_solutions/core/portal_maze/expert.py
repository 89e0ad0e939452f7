_OPEN = bytes(0 if c == ord("#") else 1 for c in range(256))
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")


def portal_steps(grid: list[str]) -> int:
    # Level-by-level breadth-first search, O(cells). The grid is flattened with a
    # wall border, so a move is an index offset with no bounds check, and one
    # bytearray marks the floor cells not yet reached. A letter's cells are all
    # jumped to once, when the first of them is in the frontier; the letter is then
    # dropped, so no group is ever scanned twice.
    width = len(grid[0]) + 2
    border = "#" * width
    flat = "".join([border, *["#" + row + "#" for row in grid], border])
    start, goal = flat.index("S"), flat.index("E")
    free = bytearray(flat.encode().translate(_OPEN))
    free[start] = 0
    groups: dict[int, list[int]] = {}
    for letter in _LETTERS.intersection(flat):
        cells = []
        at = flat.find(letter)
        while at >= 0:
            cells.append(at)
            at = flat.find(letter, at + 1)
        if len(cells) > 1:
            for cell in cells:
                groups[cell] = cells
    portals = set(groups)
    frontier = [start]
    steps = 0
    while frontier:
        steps += 1
        nxt: list[int] = []
        push = nxt.append
        for u in frontier:
            v = u - 1
            if free[v]:
                free[v] = 0
                push(v)
            v = u + 1
            if free[v]:
                free[v] = 0
                push(v)
            v = u - width
            if free[v]:
                free[v] = 0
                push(v)
            v = u + width
            if free[v]:
                free[v] = 0
                push(v)
        if portals:
            for cell in portals.intersection(frontier):
                if cell in portals:
                    cells = groups[cell]
                    portals.difference_update(cells)
                    for v in cells:
                        if free[v]:
                            free[v] = 0
                            push(v)
        if not free[goal]:
            return steps
        frontier = nxt
    return -1
