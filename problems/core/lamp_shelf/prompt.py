MOD = 1_000_000_007


def spaced_layouts(requests: list[list[int]]) -> list[int]:
    """A shelf has n slots in a row. For each request [n, k], count the ways
    to choose exactly k of the n slots to hold identical lamps so that no two
    chosen slots are next to each other. Return the counts modulo
    1_000_000_007, in request order.

    Bounds: 0 <= len(requests) <= 300_000; 0 <= k <= n <= 50_000.

    >>> spaced_layouts([[4, 2], [5, 3], [3, 0], [4, 3]])
    [3, 1, 1, 0]
    >>> spaced_layouts([[0, 0]])
    [1]
    """
