def talking_pairs(n: int, cables: list[list[int]]) -> list[int]:
    """A network has n stations numbered 0..n-1 and no cables at first.
    Cables are laid one at a time in the given order; cable [a, b] joins
    stations a and b (a may equal b, and a pair may be joined more than once).
    Two different stations can talk when a chain of cables links them.

    Return a list whose i-th entry is the number of unordered pairs of
    different stations that can talk once the first i + 1 cables are laid.

    Bounds: 1 <= n <= 32_000; 0 <= len(cables) <= 45_000; 0 <= a, b < n.

    >>> talking_pairs(4, [[0, 1], [2, 3], [1, 0], [1, 2]])
    [1, 2, 2, 6]
    >>> talking_pairs(3, [[2, 2]])
    [0]
    """
