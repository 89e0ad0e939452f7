def evacuation_total(floor: list[str]) -> list[int]:
    """A floor plan is given as equal-length strings, one per row: '#' is a
    wall, 'X' is an exit and '.' is open floor. A person moves one step at a
    time to an edge-adjacent (up, down, left, right) cell that is not a wall;
    exits may be walked through like open floor.

    For every open cell '.', consider the fewest steps needed to reach any
    exit. Return [total, stranded]: total is the sum of those step counts over
    all open cells that can reach an exit, and stranded is the number of open
    cells that cannot reach any exit.

    Bounds: 0 <= len(floor) <= 420; every row has the same length, between
    0 and 420; floor contains only '#', 'X' and '.'.

    >>> evacuation_total(["X..", "##.", "..."])
    [21, 0]
    >>> evacuation_total(["X#.", "##."])
    [0, 2]
    """
