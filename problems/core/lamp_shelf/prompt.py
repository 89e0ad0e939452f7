def spaced_layouts(requests: list[list[int]]) -> list[int]:
    """A shelf has n slots in a row. For each request [n, r, b], count the
    ways to put r identical red lamps and b identical blue lamps on the shelf,
    at most one lamp per slot, so that no two lamps (of any colours) sit in
    neighbouring slots. Return the counts modulo 1_000_000_007, in request
    order.

    Bounds: 0 <= len(requests) <= 22_000; r >= 0; b >= 0;
    0 <= r + b <= n <= 50_000.

    >>> spaced_layouts([[4, 1, 1], [5, 2, 1], [3, 0, 0], [4, 2, 1]])
    [6, 3, 1, 0]
    >>> spaced_layouts([[0, 0, 0]])
    [1]
    """
