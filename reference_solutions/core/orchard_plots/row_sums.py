def plot_yields(grid: list[list[int]], plots: list[tuple[int, int, int, int]]) -> list[int]:
    # Prefix sums per row only: O(height) per plot.
    prefix = []
    for row in grid:
        acc = [0]
        for value in row:
            acc.append(acc[-1] + value)
        prefix.append(acc)
    out = []
    for top, left, bottom, right in plots:
        total = 0
        for r in range(top, bottom + 1):
            total += prefix[r][right + 1] - prefix[r][left]
        out.append(total)
    return out
