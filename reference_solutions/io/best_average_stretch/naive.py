import sys


def main() -> None:
    n, k = map(int, sys.stdin.readline().split())
    values = list(map(int, sys.stdin.readline().split()))
    best_sum, best_len = values[0], 1
    first = True
    for start in range(n):
        total = 0
        for end in range(start, n):
            total += values[end]
            length = end - start + 1
            if length >= k and (first or total * best_len > best_sum * length):
                best_sum, best_len, first = total, length, False
    print(f"{best_sum / best_len:.9f}")


main()
