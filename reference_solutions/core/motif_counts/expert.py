from collections import Counter
from itertools import repeat


def _has_border(pattern: str) -> bool:
    m = len(pattern)
    return any(pattern[:k] == pattern[m - k :] for k in range(1, m))


def count_motifs(text: str, patterns: list[str]) -> list[int]:
    if not patterns:
        return []
    m = len(patterns[0])
    n = len(text)
    if m > n:
        return [0] * len(patterns)
    wanted = set(patterns)
    if len(wanted) <= 24:
        # Few distinct patterns: one search of the text per pattern, in C (a few ns a
        # letter, against some 200 ns a window for counting windows). Without a
        # border (a proper prefix that is also a suffix) occurrences cannot overlap,
        # so str.count is exact.
        counts = {}
        find = text.find
        for pattern in wanted:
            if _has_border(pattern):
                total = 0
                pos = find(pattern)
                while pos >= 0:
                    total += 1
                    pos = find(pattern, pos + 1)
                counts[pattern] = total
            else:
                counts[pattern] = text.count(pattern)
    else:
        # Every window of the text counted once, then one look-up per pattern.
        counts = Counter([text[i : i + m] for i in range(n - m + 1)])
    return list(map(counts.get, patterns, repeat(0)))
