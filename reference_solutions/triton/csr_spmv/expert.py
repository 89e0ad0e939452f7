"""CSR SpMV split by nonzeros, not by rows: every program takes CHUNK consecutive
entries, so a 200_000-entry row costs the same as 200_000 entries of short rows and no
program runs a long serial loop. Entries stream in with 16 B coalesced loads (evict-
first, so that x and row_ptr stay in L2 for the gathers); each entry's row comes from
a two-step binary search of row_ptr (blocks of SUB entries among the chunk's rows, then
entries among their block's few rows); a segmented scan of the products leaves each
row's sum on its last entry. Rows wholly inside a chunk are stored, rows cut by a
chunk boundary add their part atomically to a zeroed y."""

import torch
import triton
import triton.language as tl

CHUNK = 1024  # entries per program (2048 measured 5-30% slower on the H200)
SUB = 32  # entries per block of the two-step row search
WARPS = 4
K = 32  # fan-out of the k-ary search for the chunk boundaries
QUERIES = 32  # chunk boundaries per program of that search


@triton.jit
def _chunk_rows_kernel(rp32, chunk_row_ptr, n_rows, nnz, n_chunks,
                       CHUNK: tl.constexpr, Q: tl.constexpr, K: tl.constexpr):  # fmt: skip
    # For boundary t = 0..n_chunks, the row holding entry min(t * CHUNK, nnz - 1): the
    # last r with row_ptr[r] <= entry. K-ary search (one Q x K gather per step) takes
    # log_K(rows) dependent steps instead of log_2(rows). rp32 is row_ptr read as int32
    # pairs (low word first): offsets are below 2**31.
    t = tl.program_id(0) * Q + tl.arange(0, Q)
    ok = t <= n_chunks
    target = tl.minimum(t * CHUNK, nnz - 1)
    j = tl.arange(0, K)
    lo = tl.zeros([Q], dtype=tl.int32)  # row_ptr[lo] <= target throughout
    hi = tl.zeros([Q], dtype=tl.int32) + n_rows
    size = n_rows
    while size > 1:
        step = (size + K - 1) // K
        probe = lo[:, None] + j[None, :] * step
        live = ok[:, None] & (probe < hi[:, None])
        start = tl.load(rp32 + 2 * probe, mask=live, other=0)
        below = live & (start <= target[:, None])
        lo = lo + (tl.sum(below.to(tl.int32), axis=1) - 1) * step
        hi = tl.minimum(lo + step, hi)
        size = step
    tl.store(chunk_row_ptr + t, lo, mask=ok)


@triton.jit
def _combine(v1, f1, v2, f2):
    # Segmented sum: a row's first entry restarts the running sum.
    return tl.where(f2 != 0, v2, v1 + v2), f1 | f2


@triton.jit
def _row_of(rp32, pos, lo, hi, width):
    # The row of each entry: the last r in [lo, hi] with row_ptr[r] <= pos, given
    # row_ptr[lo] <= pos and hi - lo < width; steps of falling powers of two.
    step = 1
    while step * 2 < width:
        step *= 2
    while step > 0:
        probe = lo + step
        inside = probe <= hi
        go = inside & (tl.load(rp32 + 2 * probe, mask=inside, other=0) <= pos)
        lo = tl.where(go, probe, lo)
        step //= 2
    return lo


@triton.jit
def _spmv_chunk_kernel(rp32, col_ptr, val_ptr, x_ptr, y_ptr, chunk_row_ptr, nnz,
                       CHUNK: tl.constexpr, SUB: tl.constexpr):  # fmt: skip
    c = tl.program_id(0)
    first = c * CHUNK
    # The chunk as CHUNK // SUB blocks of SUB entries. Entries below a multiple of 4 (a
    # mask constant over groups of 4 keeps the loads 16 B wide); the last few, if any,
    # are added one by one at the end.
    limit = nnz // 4 * 4
    blk = first + tl.arange(0, CHUNK // SUB) * SUB
    pos = blk[:, None] + tl.arange(0, SUB)[None, :]
    ok = pos < limit
    col = tl.load(col_ptr + pos, mask=ok, other=0, eviction_policy="evict_first")
    val = tl.load(val_ptr + pos, mask=ok, other=0.0, eviction_policy="evict_first")

    # Rows (while the loads are in flight): those of each block's first entry and of
    # the next block's, among the chunk's rows, then each entry's among its block's.
    lo_row = tl.load(chunk_row_ptr + c)
    hi_row = tl.load(chunk_row_ptr + c + 1)
    zero = tl.zeros([CHUNK // SUB], dtype=tl.int32)
    blk_lo = _row_of(rp32, blk, zero + lo_row, zero + hi_row, hi_row - lo_row + 1)
    blk_hi = _row_of(rp32, blk + SUB, zero + lo_row, zero + hi_row, hi_row - lo_row + 1)
    width = tl.max(blk_hi - blk_lo, axis=0) + 1
    row = _row_of(rp32, pos, blk_lo[:, None] + tl.zeros_like(pos),
                  blk_hi[:, None] + tl.zeros_like(pos), width)  # fmt: skip
    start = tl.load(rp32 + 2 * row)
    end = tl.load(rp32 + 2 * row + 2)

    # A segmented scan leaves each row's sum on its last entry in the chunk: stored if
    # the row lies wholly in the chunk, else added atomically (y starts at zero).
    prod = val * tl.load(x_ptr + col, mask=ok, other=0.0)
    head = ((pos == start) | (pos == first)).to(tl.int32)
    sums = tl.associative_scan((tl.reshape(prod, [CHUNK]), tl.reshape(head, [CHUNK])), 0,
                               _combine)[0]  # fmt: skip
    sums = tl.reshape(sums, [CHUNK // SUB, SUB])
    last = ok & ((pos == end - 1) | (pos == limit - 1) | (pos == first + CHUNK - 1))
    whole = (start >= first) & (end <= tl.minimum(first + CHUNK, limit))
    tl.store(y_ptr + row, sums, mask=last & whole)
    tl.atomic_add(y_ptr + row, sums, mask=last & ~whole, sem="relaxed")
    if first + CHUNK >= nnz:  # the last program: entries limit .. nnz - 1
        tail = limit + tl.arange(0, 4)
        t_ok = tail < nnz
        t_col = tl.load(col_ptr + tail, mask=t_ok, other=0)
        t_val = tl.load(val_ptr + tail, mask=t_ok, other=0.0)
        t_zero = tl.zeros([4], dtype=tl.int32)
        t_row = _row_of(rp32, tail, t_zero + lo_row, t_zero + hi_row, hi_row - lo_row + 1)
        t_prod = t_val * tl.load(x_ptr + t_col, mask=t_ok, other=0.0)
        tl.atomic_add(y_ptr + t_row, t_prod, mask=t_ok, sem="relaxed")


def solution(row_ptr, col_idx, values, x):
    n_rows = row_ptr.numel() - 1
    nnz = values.numel()
    y = torch.zeros((n_rows,), dtype=torch.float32, device=x.device)
    if n_rows == 0 or nnz == 0:
        return y
    rp32 = row_ptr.view(torch.int32)
    n_chunks = triton.cdiv(nnz, CHUNK)
    chunk_row = torch.empty((n_chunks + 1,), dtype=torch.int32, device=x.device)
    _chunk_rows_kernel[(triton.cdiv(n_chunks + 1, QUERIES),)](
        rp32, chunk_row, n_rows, nnz, n_chunks, CHUNK=CHUNK, Q=QUERIES, K=K, num_warps=4
    )
    _spmv_chunk_kernel[(n_chunks,)](
        rp32, col_idx, values, x, y, chunk_row, nnz, CHUNK=CHUNK, SUB=SUB, num_warps=WARPS
    )
    return y
