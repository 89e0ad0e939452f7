def count_motifs(text: str, patterns: list[str]) -> list[int]:
    """All strings of `patterns` have the same length m >= 1. For each
    pattern p, in order, count the indices i with text[i:i + m] == p
    (occurrences may overlap; letters are case-sensitive) and return the
    list of counts. A pattern may appear several times in `patterns`.

    Bounds: 0 <= len(text) <= 50_000; 0 <= len(patterns) <= 10_000;
    1 <= m <= 12; text and patterns consist of ASCII letters.

    >>> count_motifs("abababa", ["aba", "bab", "abb", "aba"])
    [3, 2, 0, 3]
    >>> count_motifs("aaaa", ["aa"])
    [3]
    """
