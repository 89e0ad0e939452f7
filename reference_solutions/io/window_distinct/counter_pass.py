import sys
from collections import Counter


def main() -> None:
    n, k = map(int, sys.stdin.readline().split())
    values = [int(x) for x in sys.stdin.readline().split()]
    window = Counter()
    out = []
    for i, value in enumerate(values):
        window[value] += 1
        if i >= k:
            old = values[i - k]
            window[old] -= 1
            if window[old] == 0:
                del window[old]
        if i >= k - 1:
            out.append(len(window))
    print(*out)


main()
