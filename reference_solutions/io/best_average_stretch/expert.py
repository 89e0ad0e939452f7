import sys
from itertools import accumulate, count
from math import gcd
from operator import sub


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    prefix = [0, *accumulate(map(int, data[2 : 2 + n]))]
    # Start from the best stretch of exactly k elements, then improve the ratio
    # num/den exactly (integers only) until no stretch beats it.
    windows = list(map(sub, prefix[k:], prefix[: n - k + 1]))
    num, den = max(windows), k
    while True:
        # den * (prefix[j] - prefix[i]) - num * (j - i) > 0 iff stretch (i, j] beats num/den.
        shifted = list(map(sub, map(den.__mul__, prefix), count(0, num)))
        lowest = list(accumulate(shifted[: n - k + 1], min))
        gain = list(map(sub, shifted[k:], lowest))
        top = max(gain)
        if top <= 0:
            break
        j = gain.index(top) + k
        i = shifted.index(lowest[j - k])
        num, den = prefix[j] - prefix[i], j - i
        g = gcd(num, den)
        num, den = num // g, den // g
    whole, frac = divmod((2 * abs(num) * 10**9 + den) // (2 * den), 10**9)
    sign = "-" if num < 0 and (whole or frac) else ""
    sys.stdout.write(f"{sign}{whole}.{frac:09d}\n")


main()
