import sys


def main() -> None:
    n, k = map(int, sys.stdin.readline().split())
    values = list(map(int, sys.stdin.readline().split()))
    prefix = [0]
    for value in values:
        prefix.append(prefix[-1] + value)

    def reachable(x: float) -> bool:
        # Is there a stretch of length >= k whose average is at least x?
        lowest = float("inf")
        for j in range(k, n + 1):
            i = j - k
            lowest = min(lowest, prefix[i] - x * i)
            if prefix[j] - x * j - lowest >= 0:
                return True
        return False

    lo, hi = float(min(values)), float(max(values))
    for _ in range(100):
        if hi - lo <= 1e-9 * max(1.0, abs(lo), abs(hi)):
            break
        mid = (lo + hi) / 2
        if reachable(mid):
            lo = mid
        else:
            hi = mid
    print(f"{(lo + hi) / 2:.9f}")


main()
