def count_mirror_stretches(beads: str, min_len: int) -> int:
    """A jeweller's bead string is written as letters. A stretch is a
    contiguous piece beads[i:j] (i < j); it is a mirror stretch when it reads
    the same from both ends. Count the stretches (distinct (i, j) pairs, so
    equal-looking stretches at different places count separately) that are
    mirror stretches and have length j - i >= min_len.

    Bounds: 0 <= len(beads) <= 33_000; beads consists of lowercase ASCII
    letters; 1 <= min_len <= 33_001.

    >>> count_mirror_stretches("abaaba", 3)
    4
    >>> count_mirror_stretches("abc", 1)
    3
    """
