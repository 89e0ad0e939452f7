import sys


def main() -> None:
    n, k = map(int, sys.stdin.readline().split())
    values = list(map(int, sys.stdin.readline().split()))
    out = []
    for i in range(n - k + 1):
        out.append(len(set(values[i : i + k])))
    print(" ".join(map(str, out)))


main()
