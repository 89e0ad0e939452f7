from itertools import repeat


def order_releases(versions: list[str]) -> list[str]:
    # Numbers have no leading zeros and at most 6 digits, so right-aligning
    # each to width 6 with spaces (which sort before digits) turns numeric
    # position-by-position order into plain string order, prefix rule
    # included. Keys are built once per version with C-level calls and
    # compared with a memcmp-like string comparison.
    rjust = str.rjust
    width = repeat(6)
    return sorted(versions, key=lambda v: "".join(map(rjust, v.split("."), width)))
