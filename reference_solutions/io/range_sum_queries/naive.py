import sys


def main() -> None:
    n, q = map(int, sys.stdin.readline().split())
    values = list(map(int, sys.stdin.readline().split()))
    for _ in range(q):
        lo, hi = map(int, sys.stdin.readline().split())
        total = 0
        for i in range(lo - 1, hi):
            total += values[i]
        print(total)


main()
