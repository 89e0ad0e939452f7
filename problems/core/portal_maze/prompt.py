def portal_steps(grid: list[str]) -> int:
    """grid is a maze of len(grid) rows, all strings of the same length; each
    character is one cell: '#' is a wall, '.' is floor, 'S' is the start,
    'E' is the exit, and a lowercase letter 'a'..'z' is a portal (also floor).
    Exactly one cell is 'S' and exactly one is 'E'.

    In one step you may move to the cell directly up, down, left or right, if
    it lies inside the grid and is not a wall. Also, while standing on a
    portal, one step may instead take you to any other cell holding the same
    letter, wherever it is. Return the fewest steps needed to go from S to E,
    or -1 if E cannot be reached.

    Bounds: 1 <= len(grid) <= 330; 1 <= len(grid[r]) <= 330; at most 26
    distinct letters, and one letter may cover many cells.

    >>> portal_steps(["Sa#E", "###a"])
    3
    >>> portal_steps(["S#E"])
    -1
    """
