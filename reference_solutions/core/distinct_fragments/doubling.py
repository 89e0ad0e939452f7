def distinct_fragments(s: str, ks: list[int]) -> list[int]:
    # Exact class numbers of all windows of length 1, 2, 4, ... (two windows of
    # length 2h are equal iff both halves are); a window of length k is then
    # identified by the classes of its first and last 2^j characters, with
    # 2^j <= k < 2^(j+1). O(n log n) to build, O(n) per query.
    n = len(s)
    need = max((k for k in ks if k <= n), default=0)
    levels = [list(map(ord, s))]
    h = 1
    while 2 * h <= need:
        r = levels[-1]
        pairs = list(zip(r, r[h:], strict=False))
        ids = dict(zip(set(pairs), range(len(pairs)), strict=False))
        levels.append(list(map(ids.__getitem__, pairs)))
        h *= 2
    out = []
    for k in ks:
        if k > n:
            out.append(0)
            continue
        j = k.bit_length() - 1
        r = levels[j]
        out.append(len(set(zip(r, r[k - (1 << j) :], strict=False))))
    return out
