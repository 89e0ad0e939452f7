import sys


def main() -> None:
    n, q = map(int, sys.stdin.readline().split())
    values = list(map(int, sys.stdin.readline().split()))
    for _ in range(q):
        l, r = map(int, sys.stdin.readline().split())
        total = 0
        for i in range(l - 1, r):
            total += values[i]
        print(total)


main()
