def run_length_pack(text: str) -> str:
    """Encode text run by run: every maximal run of one repeated character
    becomes that character followed by the run's length in decimal, without
    leading zeros; the pieces are concatenated in order. For example "aaab"
    has the runs "aaa" and "b" and encodes to "a3b1". The empty string
    encodes to "".

    Bounds: text holds only printable ASCII characters (code points 32 to
    126, digits included); 0 <= len(text) <= 2_000_000.

    >>> run_length_pack("aaabccddddddddddddd")
    'a3b1c2d13'
    >>> run_length_pack("  11")
    ' 212'
    """
