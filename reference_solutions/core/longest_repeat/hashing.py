# Binary search on the length with rolling hashes, O(n log n); a collision is
# caught by comparing the strings of the final answer, and the search redone.
from collections import Counter

_MOD = (1 << 61) - 1
_BASES = (1_000_003, 2_654_435_761, 40_503_458_121, 87_178_291_199)


def _search(s: str, n: int, base: int) -> tuple[int, int] | None:
    """Binary search on the length with polynomial hashes of all windows.

    Equal windows always hash alike, so a "no repeat" answer is exact; a
    "repeat" answer may be a collision, so the final length is verified by
    comparing the strings themselves. None means a collision misled the search.
    """
    mod = _MOD
    prefix = [0]
    push = prefix.append
    h = 0
    for code in s.encode():
        h = (h * base + code) % mod
        push(h)
    lo, hi = 0, n  # a repeat of length lo exists (lo = 0 trivially), none of length hi
    while hi - lo > 1:
        mid = (lo + hi) >> 1
        power = pow(base, mid, mod)
        windows = [(b - a * power) % mod for a, b in zip(prefix, prefix[mid:], strict=False)]
        if len(set(windows)) < len(windows):
            lo = mid
        else:
            hi = mid
    if lo == 0:
        return (0, 0)
    length = lo
    power = pow(base, length, mod)
    windows = [(b - a * power) % mod for a, b in zip(prefix, prefix[length:], strict=False)]
    counts = Counter(windows)
    index = windows.index
    for i, h in enumerate(windows):
        if counts[h] > 1:
            # Any equal window before i would have been found first, so look after i.
            text = s[i : i + length]
            j = i
            try:
                while True:
                    j = index(h, j + 1)
                    if s[j : j + length] == text:
                        return (length, i)
            except ValueError:
                pass
    return None


def _exact(s: str, n: int) -> tuple[int, int]:
    # Fallback that cannot be fooled: binary search with the strings themselves.
    lo, hi = 0, n
    while hi - lo > 1:
        mid = (lo + hi) >> 1
        m = n - mid + 1
        if len({s[i : i + mid] for i in range(m)}) < m:
            lo = mid
        else:
            hi = mid
    if lo == 0:
        return (0, 0)
    windows = [s[i : i + lo] for i in range(n - lo + 1)]
    counts = Counter(windows)
    return (lo, next(i for i, w in enumerate(windows) if counts[w] > 1))


def longest_repeat(s: str) -> tuple[int, int]:
    n = len(s)
    if n < 2:
        return (0, 0)
    for base in _BASES:
        found = _search(s, n, base)
        if found is not None:
            return found
    return _exact(s, n)
