from string import ascii_lowercase


def _smallest_start(s: str) -> int:
    n = len(s)
    if n < 2:
        return 0
    # The smallest letter: a few substring tests instead of a pass over every letter.
    c = next((ch for ch in ascii_lowercase if ch in s), None) or min(s)
    # Rotate so that u starts with a letter other than c: no run of c wraps around.
    p = n - len(s.lstrip(c))
    if p == n:
        return 0
    u = s[p:] + s[:p]
    # The smallest rotation starts a longest run of c: find that length r by
    # galloping and bisection over substring tests.
    r = 1
    while c * (r + r) in u:
        r += r
    lo, hi = r, min(r + r, n)
    while hi - lo > 1:
        mid = (lo + hi) >> 1
        if c * mid in u:
            lo = mid
        else:
            hi = mid
    r = lo
    block = c * r
    find = u.find
    starts = []
    pos = find(block)
    while pos >= 0:
        starts.append(pos)
        pos = find(block, pos + r + 1)
    # Candidates share a prefix of `length` letters; double it each round, keeping
    # those whose next block is smallest.
    t = u + u
    length = r
    while len(starts) > 1 and length < n:
        new = min(length + length, n)
        keys = [t[i + length : i + new] for i in starts]
        best = min(keys)
        starts = [i for i, key in zip(starts, keys, strict=True) if key == best]
        length = new
        m = len(starts)
        if m > 2:
            # In a chain of candidates at a constant gap d <= length, each rotation is
            # the block t[i:i+d] followed by the next one, so the chain is monotone in
            # rotation order: only its two ends can win.
            kept = [starts[0]]
            prev = starts[0]
            for k in range(1, m - 1):
                cur = starts[k]
                gap = cur - prev
                if gap > length or starts[k + 1] - cur != gap:
                    kept.append(cur)
                prev = cur
            kept.append(starts[-1])
            starts = kept
    # Any winner modulo the string's smallest period is the smallest winner.
    period = (s + s).find(s, 1)
    return (starts[0] + p) % n % period


def smallest_rotations(strings: list[str]) -> list[int]:
    return [_smallest_start(s) for s in strings]
