def evacuation_total(floor: list[str]) -> list[int]:
    rows = len(floor)
    cols = len(floor[0]) if rows else 0
    if rows == 0 or cols == 0:
        return [0, 0]
    width = cols + 1
    # Flatten with a wall border: one wall column per row plus wall rows
    # above and below, so neighbours never need bounds checks.
    text = "#" * width + "#".join(floor) + "#" + "#" * width
    blocked = bytearray(text.encode().translate(bytes.maketrans(b"#X.", b"\x01\x01\x00")))
    open_cells = text.count(".")
    frontier = []
    find = text.find
    pos = find("X")
    while pos != -1:
        frontier.append(pos)
        pos = find("X", pos + 1)
    total = 0
    reached = 0
    steps = 0
    while frontier:
        steps += 1
        nxt = []
        push = nxt.append
        for p in frontier:
            q = p - 1
            if not blocked[q]:
                blocked[q] = 1
                push(q)
            q = p + 1
            if not blocked[q]:
                blocked[q] = 1
                push(q)
            q = p - width
            if not blocked[q]:
                blocked[q] = 1
                push(q)
            q = p + width
            if not blocked[q]:
                blocked[q] = 1
                push(q)
        total += steps * len(nxt)
        reached += len(nxt)
        frontier = nxt
    return [total, open_cells - reached]
