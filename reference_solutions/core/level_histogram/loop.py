def level_histogram(pixels: list[int], bins: int) -> tuple[list[int], list[int]]:
    # O(n) in Python: one integer division and one list update per pixel.
    width = 65536 // bins
    counts = [0] * bins
    for p in pixels:
        counts[p // width] += 1
    cumulative = []
    total = 0
    for c in counts:
        total += c
        cumulative.append(total)
    return counts, cumulative
