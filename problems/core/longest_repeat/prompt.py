def longest_repeat(s: str) -> tuple[int, int]:
    """s consists of lowercase ASCII letters. A substring is repeated when it
    occurs in s at two or more different starting positions (the occurrences
    may overlap). Return (length, start): length is the greatest length of a
    non-empty repeated substring, and start is the smallest index i such that
    s[i:i + length] is a repeated substring, that is, the earliest first
    occurrence among all repeated substrings of that greatest length.
    Return (0, 0) when no non-empty substring is repeated (including for "").

    Bounds: 0 <= len(s) <= 15_000.

    >>> longest_repeat("banana")
    (3, 1)
    >>> longest_repeat("abcd")
    (0, 0)
    """
