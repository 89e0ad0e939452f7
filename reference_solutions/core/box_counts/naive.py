def box_counts(points: list[tuple[int, int]], boxes: list[tuple[int, int, int, int]]) -> list[int]:
    # Every point is tested against every box: O(n * q).
    out = []
    for x1, y1, x2, y2 in boxes:
        count = 0
        for x, y in points:
            if x1 <= x <= x2 and y1 <= y <= y2:
                count += 1
        out.append(count)
    return out
