def smallest_rotations(strings: list[str]) -> list[int]:
    """For a string s of length n, the rotation starting at index i
    (0 <= i < n) is s[i:] + s[:i]. For each string of `strings`, find the
    rotation that is smallest in Python's string order and return its start
    index; when several start indices give that same smallest rotation (a
    string made of a repeated block), return the smallest of them. The empty
    string has the answer 0. Return the answers in the order of `strings`.

    Bounds: 0 <= len(strings) <= 50; every string consists of lowercase ASCII
    letters and has length 0 <= len(s) <= 12_000.

    >>> smallest_rotations(["cab", "baba", "bbab"])
    [1, 1, 2]
    >>> smallest_rotations(["", "z"])
    [0, 0]
    """
