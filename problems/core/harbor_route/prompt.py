def route_costs(grid: list[list[int]], queries: list[tuple[int, int, int, int]]) -> list[int]:
    """A harbour chart is a grid of rows x cols cells; grid[r][c] is 0 for
    land (impassable) or, from 1 to 9, the fee for sailing into that cell of
    water. A boat moves one cell up, down, left or right at a time, never
    onto land or off the chart, and pays the fee of every cell it enters
    (not of the cell it starts in). queries[k] = (r1, c1, r2, c2) asks for
    the smallest total fee of a trip from cell (r1, c1) to cell (r2, c2):
    0 when the two cells are the same water cell, -1 when either cell is
    land or no trip exists. Return the answers in query order.

    Bounds: 0 <= rows, cols <= 160 (all rows have cols cells);
    0 <= len(queries) <= 200; 0 <= r1, r2 < rows; 0 <= c1, c2 < cols.

    >>> route_costs([[1, 1, 1], [1, 0, 1], [9, 1, 1]], [(0, 0, 2, 2), (2, 0, 0, 2), (1, 1, 0, 0)])
    [4, 4, -1]
    >>> route_costs([[5]], [(0, 0, 0, 0)])
    [0]
    """
