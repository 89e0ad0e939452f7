def word_frequencies(text: str, k: int) -> list[tuple[str, int]]:
    """A word is a maximal run of ASCII letters (A-Z, a-z) in text; every
    other character (digits, spaces, punctuation, "_", "'", control
    characters) separates words. Words are compared ignoring case and are
    reported in lowercase, so "Tea", "TEA" and "tea" are one word.

    Return the k most frequent words as (word, count) pairs, ordered by count
    descending and, among equal counts, by word ascending. If fewer than k
    distinct words occur, return all of them in that order.

    Bounds: text holds only ASCII characters (code points 0 .. 127);
    0 <= len(text) <= 800_000; 0 <= k <= 100_000.

    >>> word_frequencies("The cat and the hat. THE END", 2)
    [('the', 3), ('and', 1)]
    >>> word_frequencies("don't stop, don't", 5)
    [('don', 2), ('t', 2), ('stop', 1)]
    """
