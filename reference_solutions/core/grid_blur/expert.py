from itertools import chain

import numpy as np


def grid_blur(grid: list[list[int]]) -> list[list[int]]:
    # One C-level pass reads the grid into an int64 array; the 3x3 sums are two
    # passes of shifted slice additions (rows, then columns), the cell counts an
    # outer product of per-row and per-column counts, and one floor division and
    # tolist() give the answer. Converting to and from Python ints dominates.
    rows = len(grid)
    cols = len(grid[0]) if rows else 0
    if rows == 0 or cols == 0:
        return [[] for _ in range(rows)]
    cells = np.fromiter(chain.from_iterable(grid), dtype=np.int64, count=rows * cols)
    cells = cells.reshape(rows, cols)
    across = cells.copy()
    across[:, 1:] += cells[:, :-1]
    across[:, :-1] += cells[:, 1:]
    total = across.copy()
    total[1:] += across[:-1]
    total[:-1] += across[1:]
    row_count = np.full(rows, 3, dtype=np.int64)
    row_count[0] -= 1
    row_count[-1] -= 1
    col_count = np.full(cols, 3, dtype=np.int64)
    col_count[0] -= 1
    col_count[-1] -= 1
    total //= np.outer(row_count, col_count)
    return total.tolist()
