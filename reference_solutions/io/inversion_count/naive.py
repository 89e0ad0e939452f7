import sys


def main() -> None:
    n = int(sys.stdin.readline())
    values = list(map(int, sys.stdin.readline().split()))
    count = 0
    for i in range(n):
        for j in range(i + 1, n):
            if values[i] > values[j]:
                count += 1
    print(count)


main()
