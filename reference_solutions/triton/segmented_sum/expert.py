"""Segmented row sums, split by rows: every program sums a range of R * steps
consecutive rows (all D columns), whatever segments they belong to, so a 100_000-row
segment costs the same as 100_000 rows of short ones. It walks its range in tiles of R
rows (4 KB, 16 B loads, one warp: the scan down the rows stays inside each thread),
carrying the open segment's partial sum from tile to tile in registers, with the next
tile's loads issued before the current tile is worked on (software pipelining: DRAM
latency off the critical path, 16 such warps per SM keep ~64 KB in flight). Each row's
segment comes from a coalesced window of offsets (counting the segment starts at or
before the row); a segmented scan leaves each segment's sum on its last row. Segments
wholly inside a range are stored; those cut by a range boundary (few, the ranges being
long) are added atomically to rows that a first small kernel zeroed, and that kernel
also zeroes the empty segments, so `out` is written once, not zeroed first (a zero
fill would add the whole output, 11-20% of the traffic, again)."""

import torch
import triton
import triton.language as tl

TILE = 1024  # elements per step (R rows of the padded width)
STEPS = 16  # tiles per program, at most
MIN_PROGRAMS = 4096  # fewer tiles per program when the rows are fewer
WARPS = 1
WINDOW = 32  # segment starts per coalesced load
K = 32  # fan-out of the k-ary search for the ranges' first segments
QUERIES = 32  # ranges per program of that search
SEGS = 64  # segments per program of the zeroing


@triton.jit
def _prepare_kernel(off32, out_ptr, range_seg_ptr, n_rows, dim, n_segments, n_ranges,
                    range_rows, n_zero_programs, BD: tl.constexpr,
                    SEGS: tl.constexpr, Q: tl.constexpr, K: tl.constexpr):  # fmt: skip
    # off32 is offsets read as int32 pairs (low word first): offsets are below 2**31.
    pid = tl.program_id(0)
    if pid < n_zero_programs:
        # Zero the rows of `out` that no tile stores: empty segments, and segments cut
        # by a range boundary (their ranges add to them atomically).
        s = pid * SEGS + tl.arange(0, SEGS)
        s_ok = s < n_segments
        start = tl.load(off32 + 2 * s, mask=s_ok, other=0)
        end = tl.load(off32 + 2 * s + 2, mask=s_ok, other=0)
        zero = s_ok & ((start == end) | (start // range_rows != (end - 1) // range_rows))
        cols = tl.arange(0, BD)
        ptrs = out_ptr + s[:, None] * dim + cols[None, :]
        tl.store(ptrs, tl.zeros([SEGS, BD], dtype=tl.float32),
                 mask=zero[:, None] & (cols < dim)[None, :])  # fmt: skip
    else:
        # For range t = 0..n_ranges, the segment holding row min(t * range_rows,
        # n_rows - 1): the last s with offsets[s] <= row. K-ary search: log_K(segments)
        # dependent steps.
        t = (pid - n_zero_programs) * Q + tl.arange(0, Q)
        ok = t <= n_ranges
        target = tl.minimum(t * range_rows, n_rows - 1)
        j = tl.arange(0, K)
        lo = tl.zeros([Q], dtype=tl.int32)  # offsets[lo] <= target throughout
        hi = tl.zeros([Q], dtype=tl.int32) + n_segments
        size = n_segments
        while size > 1:
            step = (size + K - 1) // K
            probe = lo[:, None] + j[None, :] * step
            live = ok[:, None] & (probe < hi[:, None])
            at = tl.load(off32 + 2 * probe, mask=live, other=0)
            below = live & (at <= target[:, None])
            lo = lo + (tl.sum(below.to(tl.int32), axis=1) - 1) * step
            hi = tl.minimum(lo + step, hi)
            size = step
        tl.store(range_seg_ptr + t, lo, mask=ok)


@triton.jit
def _combine(v1, f1, v2, f2):
    # Segmented sum: a segment's first row restarts the running sum.
    return tl.where(f2 != 0, v2, v1 + v2), f1 | f2


@triton.jit
def _segment_sum_kernel(val_ptr, off32, range_seg_ptr, out_ptr, n_rows, dim, n_segments,
                        steps, R: tl.constexpr, BD: tl.constexpr,
                        WINDOW: tl.constexpr):  # fmt: skip
    pid = tl.program_id(0)
    a = pid * (R * steps)
    end = tl.minimum(a + R * steps, n_rows)
    cols = tl.arange(0, BD)
    col_ok = (cols < dim)[None, :]
    first_seg = tl.load(range_seg_ptr + pid)
    first_start = tl.load(off32 + 2 * first_seg)
    cut_seg = tl.where(first_start < a, first_seg, -1)  # began before the range
    base = first_seg  # the segment of the tile's first row
    carry = tl.zeros([BD], dtype=tl.float32)  # its sum over the rows before the tile
    r = a + tl.arange(0, R)
    x = tl.load(val_ptr + r[:, None] * dim + cols[None, :], mask=(r < end)[:, None] & col_ok,
                other=0.0, eviction_policy="evict_first")  # fmt: skip
    for step in range(steps):
        r = a + step * R + tl.arange(0, R)
        row_ok = r < end
        r_next = r + R
        x_next = tl.load(val_ptr + r_next[:, None] * dim + cols[None, :],
                         mask=(r_next < end)[:, None] & col_ok, other=0.0,
                         eviction_policy="evict_first")  # fmt: skip
        # Segment of each row: base plus the number of later segment starts at or
        # before it; whether a segment starts at the row and at the next one; the
        # next tile's base likewise. Windows of starts until one passes the tile.
        nxt = a + step * R + R  # the next tile's first row
        seg = tl.zeros([R], dtype=tl.int32) + base
        head = (r == a).to(tl.int32)
        next_head = tl.zeros([R], dtype=tl.int32)
        next_base = base
        s0 = base + 1
        reached = a
        while reached <= nxt:
            s = s0 + tl.arange(0, WINDOW)
            at = tl.load(off32 + 2 * s, mask=s <= n_segments, other=0x7FFFFFFF)
            seg += tl.sum((at[None, :] <= r[:, None]).to(tl.int32), axis=1)
            head |= tl.max((at[None, :] == r[:, None]).to(tl.int32), axis=1)
            next_head |= tl.max((at[None, :] == r[:, None] + 1).to(tl.int32), axis=1)
            next_base += tl.sum((at <= nxt).to(tl.int32), axis=0)
            reached = tl.max(at, axis=0)
            s0 += WINDOW

        # Segmented scan down the tile; rows of the segment open since earlier tiles
        # add its carried sum. A segment's last row stores its sum when the segment
        # lies wholly in the range, else adds it atomically; the tile's last row, when
        # its segment goes on, carries it to the next tile instead.
        flags = tl.zeros([R, BD], dtype=tl.int32) + head[:, None]
        sums = tl.associative_scan((x, flags), 0, _combine)[0]
        sums += tl.where((seg == base)[:, None], carry[None, :], 0.0)
        ends = row_ok & ((next_head != 0) | (r == end - 1))
        whole = (seg != cut_seg) & ~((r == end - 1) & (next_head == 0) & (r < n_rows - 1))
        ptrs = out_ptr + seg[:, None] * dim + cols[None, :]
        tl.store(ptrs, sums, mask=(ends & whole)[:, None] & col_ok)
        tl.atomic_add(ptrs, sums, mask=(ends & ~whole)[:, None] & col_ok, sem="relaxed")
        carry = tl.sum(tl.where(((r == nxt - 1) & (next_head == 0))[:, None], sums, 0.0), axis=0)
        base = next_base
        x = x_next


def solution(values, offsets):
    n_rows, dim = values.shape
    n_segments = offsets.numel() - 1
    out = torch.empty((n_segments, dim), dtype=torch.float32, device=values.device)
    if n_segments <= 0 or dim == 0:
        return out
    if n_rows == 0:
        return out.zero_()
    bd = triton.next_power_of_2(dim)
    rows = max(1, min(64, TILE // bd))
    steps = max(1, min(STEPS, n_rows // (rows * MIN_PROGRAMS)))
    n_ranges = triton.cdiv(n_rows, rows * steps)
    range_seg = torch.empty((n_ranges + 1,), dtype=torch.int32, device=values.device)
    off32 = offsets.view(torch.int32)
    n_zero = triton.cdiv(n_segments, SEGS)
    _prepare_kernel[(n_zero + triton.cdiv(n_ranges + 1, QUERIES),)](
        off32, out, range_seg, n_rows, dim, n_segments, n_ranges, rows * steps, n_zero,
        BD=bd, SEGS=SEGS, Q=QUERIES, K=K, num_warps=4,
    )  # fmt: skip
    _segment_sum_kernel[(n_ranges,)](
        values, off32, range_seg, out, n_rows, dim, n_segments, steps,
        R=rows, BD=bd, WINDOW=WINDOW, num_warps=WARPS,
    )  # fmt: skip
    return out
