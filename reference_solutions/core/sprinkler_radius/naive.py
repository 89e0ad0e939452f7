def min_spray_radius(beds: list[int], sprinklers: int) -> int:
    # The best reach covers some group of beds exactly, so the needed width is
    # a difference of two bed positions: try them all in increasing order.
    xs = sorted(beds)
    widths = sorted({b - a for a in xs for b in xs if b >= a})
    for width in widths:
        used = 0
        reach = -1
        for x in xs:
            if x > reach:
                used += 1
                reach = x + width
        if used <= sprinklers:
            return (width + 1) // 2
    return 0
