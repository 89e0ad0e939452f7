from bisect import bisect_right
from itertools import accumulate, compress
from operator import lt, sub


def live_minutes(acts: list[tuple[int, int]], windows: list[tuple[int, int]]) -> list[int]:
    # Merge the acts into disjoint blocks, keep running totals of block
    # lengths, and answer each window as covered(<= b) - covered(<= a - 1)
    # with two bisects: O((n + q) log n).
    if not acts:
        return [0] * len(windows)
    # With starts and ends sorted independently, the union has a gap right
    # after ends[i] exactly when starts[i + 1] > ends[i] + 1; this avoids
    # sorting tuples and lets C-level tools find the blocks.
    starts = sorted([s for s, _ in acts])
    ends = sorted([e for _, e in acts])
    later = starts[1:]
    gap = list(map(lt, [e + 1 for e in ends], later))
    block_starts = [starts[0]]
    block_starts += compress(later, gap)
    block_ends = list(compress(ends, gap))
    block_ends.append(ends[-1])
    # before[i] = minutes in blocks 0..i-1 = sum(end - start) + i.
    before = [0]
    before += accumulate(map(sub, block_ends, block_starts))
    block_ends.append(-1)  # read as block_ends[-1] when no block starts <= x
    out = []
    push = out.append
    for a, b in windows:
        # covered(<= x) = before[i] + i - max(0, block_ends[i - 1] - x),
        # where i = number of blocks starting at or before x.
        i = bisect_right(block_starts, b)
        hi = before[i] + i
        over = block_ends[i - 1] - b
        if over > 0:
            hi -= over
        j = bisect_right(block_starts, a - 1, 0, i)
        lo = before[j] + j
        over = block_ends[j - 1] - a + 1
        if over > 0:
            lo -= over
        push(hi - lo)
    return out
