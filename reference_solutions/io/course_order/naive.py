import sys


def main() -> None:
    n, m = map(int, sys.stdin.readline().split())
    before = [[] for _ in range(n + 1)]
    for _ in range(m):
        a, b = map(int, sys.stdin.readline().split())
        before[b].append(a)
    placed = [False] * (n + 1)
    remaining = list(range(1, n + 1))
    order = []
    while remaining:
        # One pass over every course not yet placed: take those whose prerequisites are.
        still = []
        for c in remaining:
            if all(placed[p] for p in before[c]):
                placed[c] = True
                order.append(c)
            else:
                still.append(c)
        if len(still) == len(remaining):
            print("IMPOSSIBLE")
            return
        remaining = still
    print(" ".join(map(str, order)))


main()
