def grid_blur(grid: list[list[int]]) -> list[list[int]]:
    """grid is a rectangle of ints: a list of rows, all of the same length.
    Return a new grid of the same shape in which the cell at (r, c) holds
    the floor of the mean of the cells (r + dr, c + dc) of the input, for
    dr and dc in -1, 0, 1, that lie inside the grid (the cell itself
    included: 9 cells inside, 6 on an edge, 4 at a corner). Floor rounds
    towards minus infinity, as // does. The result must be a list of lists
    of Python ints; the input must not be modified.

    The standard library and numpy are available.

    Bounds: 0 <= rows, columns; rows * columns <= 80_000;
    -10**6 <= grid[r][c] <= 10**6.

    >>> grid_blur([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    [[3, 3, 4], [4, 5, 5], [6, 6, 7]]
    >>> grid_blur([[5, -6]])
    [[-1, -1]]
    """
