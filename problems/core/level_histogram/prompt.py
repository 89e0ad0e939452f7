def level_histogram(pixels: list[int], bins: int) -> tuple[list[int], list[int]]:
    """pixels holds the levels of an image's pixels, each an int in
    0 .. 65535. bins is a power of two; the level range is cut into bins
    ranges of equal width w = 65536 // bins, and level p falls in range
    p // w. Return (counts, cumulative): counts[i] is the number of pixels in
    range i, and cumulative[i] = counts[0] + ... + counts[i]; both are lists
    of bins ints.

    The standard library and numpy are available.

    Bounds: 0 <= len(pixels) <= 500_000; bins is one of 1, 2, 4, ..., 65536.

    >>> level_histogram([0, 16384, 16383, 65535, 40000], 4)
    ([2, 1, 1, 1], [2, 3, 4, 5])
    >>> level_histogram([], 2)
    ([0, 0], [0, 0])
    """
