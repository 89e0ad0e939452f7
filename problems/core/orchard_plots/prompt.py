def plot_yields(grid: list[list[int]], plots: list[tuple[int, int, int, int]]) -> list[int]:
    """An orchard is a rectangular grid of trees; grid[r][c] is the net yield
    (possibly negative) of the tree in row r, column c. Each plot is given as
    (top, left, bottom, right) and covers every tree with
    top <= r <= bottom and left <= c <= right. Return the total net yield of
    each plot, in the order the plots are given.

    Bounds: 1 <= len(grid) <= 240; all rows have the same length, between 1
    and 280; -1000 <= grid[r][c] <= 1000; 0 <= len(plots) <= 42_000;
    0 <= top <= bottom < len(grid); 0 <= left <= right < len(grid[0]).

    >>> plot_yields([[1, 2, 3], [4, -5, 6]], [(0, 0, 1, 2), (1, 1, 1, 2), (0, 2, 0, 2)])
    [11, 1, 3]
    >>> plot_yields([[7]], [])
    []
    """
