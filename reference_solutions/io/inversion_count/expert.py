import sys
from bisect import bisect_right
from itertools import repeat

BLOCK = 256  # runs sorted by insertion, where list.insert's memmove is cheap
FAN_IN = 16  # sorted runs merged per group on each level above the blocks


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    values = list(map(int, data[1 : 1 + n]))
    total = 0
    # Inversions inside each block: element x, inserted after `k` earlier elements that
    # are <= x, forms an inversion with each of the other earlier ones.
    runs = []
    for start in range(0, n, BLOCK):
        run: list[int] = []
        insert = run.insert
        below = 0
        for x in values[start : start + BLOCK]:
            k = bisect_right(run, x)
            insert(k, x)
            below += k
        size = len(run)
        total += size * (size - 1) // 2 - below
        runs.append(run)
    # Inversions between runs: merge FAN_IN neighbouring runs from left to right; each
    # new run's elements pair with the larger ones of the runs before it in its group.
    while len(runs) > 1:
        merged = []
        for first in range(0, len(runs), FAN_IN):
            acc = runs[first]
            for run in runs[first + 1 : first + FAN_IN]:
                size = len(run)
                total += len(acc) * size - sum(map(bisect_right, repeat(acc, size), run))
                acc += run
                acc.sort()  # two sorted runs: timsort merges them in linear time
            merged.append(acc)
        runs = merged
    sys.stdout.write(f"{total}\n")


main()
