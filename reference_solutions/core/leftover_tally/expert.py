from math import isqrt
from operator import mul


def total_leftovers(sweets: int, max_group: int) -> int:
    # total = n * max_group - sum_{k <= L} k * (n // k), L = min(max_group, n)
    # (for k > n the leftover is n itself). Split at s = isqrt(n):
    #  * k <= s: summed term by term, with the arithmetic done in C via map;
    #  * k > s: the quotient q = n // k is at most s, and by summation by parts
    #    sum_{s < k <= L} k * (n // k) = sum_{q=1}^{Q} T(min(n // q, L)) - Q * T(s)
    #    with Q = n // (s + 1) and T(x) = x * (x + 1) / 2.
    # O(sqrt(n)) work, all of it in C-level loops.
    n = sweets
    last = min(max_group, n)
    s = isqrt(n)
    head = range(1, min(last, s) + 1)
    weighted = sum(map(mul, head, map(n.__floordiv__, head)))
    if last > s:
        big_q = n // (s + 1)
        # Quotients n // q exceed `last` exactly for q <= n // (last + 1).
        capped = min(big_q, n // (last + 1))
        tops = list(map(n.__floordiv__, range(capped + 1, big_q + 1)))
        sum_h = sum(tops) + capped * last
        sum_h2 = sum(map(mul, tops, tops)) + capped * last * last
        weighted += (sum_h2 + sum_h) // 2 - big_q * (s * (s + 1) // 2)
    return n * max_group - weighted
