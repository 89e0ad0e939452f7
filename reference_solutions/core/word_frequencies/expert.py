from collections import Counter
from heapq import nlargest
from itertools import compress

# Byte table: A-Z -> a-z, a-z kept, every other byte -> space.
_TABLE = bytes(c if 97 <= c <= 122 else c + 32 if 65 <= c <= 90 else 32 for c in range(256))


def word_frequencies(text: str, k: int) -> list[tuple[str, int]]:
    # One C-level pass lowercases and blanks the separators (bytes.translate),
    # str.split cuts the words and Counter counts them. The top k are found
    # without sorting every distinct word with a tuple key: the k-th largest
    # count (a heap over plain ints, or a sort of them when k is large) bounds
    # the candidates, which are sorted by word (str keys, the fast string
    # compare) and then, stably, by count (int keys).
    if k <= 0:
        return []
    counts = Counter(text.encode("ascii").translate(_TABLE).decode("ascii").split())
    if k < len(counts):
        if 8 * k < len(counts):
            cutoff = nlargest(k, counts.values())[-1]
        else:
            cutoff = sorted(counts.values(), reverse=True)[k - 1]
        words = list(compress(counts, map(cutoff.__le__, counts.values())))
    else:
        words = list(counts)
    words.sort()
    words.sort(key=counts.__getitem__, reverse=True)
    del words[k:]
    return list(zip(words, map(counts.__getitem__, words), strict=True))
