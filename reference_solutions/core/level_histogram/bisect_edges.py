from bisect import bisect_right


def level_histogram(pixels: list[int], bins: int) -> tuple[list[int], list[int]]:
    # O(n log bins) in Python: each pixel's bin is found by bisecting the list of the
    # bins' lower edges, one call per pixel.
    width = 65536 // bins
    edges = list(range(0, 65536, width))
    counts = [0] * bins
    for p in pixels:
        counts[bisect_right(edges, p) - 1] += 1
    cumulative = []
    total = 0
    for c in counts:
        total += c
        cumulative.append(total)
    return counts, cumulative
