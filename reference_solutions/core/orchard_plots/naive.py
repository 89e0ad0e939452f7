def plot_yields(grid: list[list[int]], plots: list[tuple[int, int, int, int]]) -> list[int]:
    # Add up every tree of every plot: O(area) per plot.
    out = []
    for top, left, bottom, right in plots:
        total = 0
        for r in range(top, bottom + 1):
            for c in range(left, right + 1):
                total += grid[r][c]
        out.append(total)
    return out
