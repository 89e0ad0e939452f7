import torch
import triton
import triton.language as tl


@triton.jit
def _argmax_kernel(
    x_ptr,
    out_ptr,
    part_val_ptr,
    part_idx_ptr,
    n_cols,
    seg_len,
    BLOCK: tl.constexpr,
    UNROLL: tl.constexpr,
    SPLIT: tl.constexpr,
    NATIVE: tl.constexpr,
):
    # Program (row, s) scans columns [s * seg_len, (s + 1) * seg_len) of its row. Every lane
    # keeps its best value and the start of the chunk where it found it (chunks go left to
    # right and a value replaces the best only when strictly larger: the first occurrence).
    # The best stays in the input's dtype where it can (NATIVE): float16 then compares and
    # maxes two values per instruction (HSETP2/HMNMX2), one select per value keeps the
    # chunk; bfloat16 goes through float32, since Triton's interpreter compares bfloat16 bit
    # patterns. UNROLL chunks are loaded before any is used (8 loads of 16 bytes in flight
    # per thread by default) and only the last chunks of a segment are masked.
    row = tl.program_id(0).to(tl.int64)
    seg = tl.program_id(1)
    base = x_ptr + row * n_cols
    cols = tl.arange(0, BLOCK)
    acc = x_ptr.dtype.element_ty if NATIVE else tl.float32
    best = tl.full([BLOCK], -float("inf"), dtype=acc)
    best_at = tl.zeros([BLOCK], dtype=tl.int32)
    lo = seg * seg_len
    hi = tl.minimum(lo + seg_len, n_cols)
    full_end = lo + (hi - lo) // (BLOCK * UNROLL) * (BLOCK * UNROLL)
    for start in range(lo, full_end, BLOCK * UNROLL):
        for u in tl.static_range(UNROLL):
            x = tl.load(base + start + u * BLOCK + cols).to(acc)
            best_at = tl.where(x > best, start + u * BLOCK, best_at)
            best = tl.maximum(best, x)
    for start in range(full_end, hi, BLOCK):
        c = start + cols
        x = tl.load(base + c, mask=c < hi, other=-float("inf")).to(acc)
        best_at = tl.where(x > best, start, best_at)
        best = tl.maximum(best, x)
    best = best.to(tl.float32)
    m = tl.max(best, axis=0)
    idx = tl.min(tl.where(best == m, best_at + cols, 2147483647), axis=0)
    if SPLIT:
        tl.store(part_val_ptr + row * tl.num_programs(1) + seg, m)
        tl.store(part_idx_ptr + row * tl.num_programs(1) + seg, idx)
    else:
        tl.store(out_ptr + row, idx.to(tl.int64))


@triton.jit
def _combine_kernel(
    part_val_ptr, part_idx_ptr, out_ptr, n_rows, n_parts, ROWS: tl.constexpr, PARTS: tl.constexpr
):
    # The largest of a row's partial maxima, and its smallest index among equals.
    rows = tl.program_id(0) * ROWS + tl.arange(0, ROWS)
    parts = tl.arange(0, PARTS)
    ok = (rows < n_rows)[:, None] & (parts < n_parts)[None, :]
    offs = rows[:, None] * n_parts + parts[None, :]
    v = tl.load(part_val_ptr + offs, mask=ok, other=-float("inf"))
    i = tl.load(part_idx_ptr + offs, mask=ok, other=2147483647)
    m = tl.max(v, axis=1)
    idx = tl.min(tl.where(v == m[:, None], i, 2147483647), axis=1)
    tl.store(out_ptr + rows, idx.to(tl.int64), mask=rows < n_rows)


# Tuning knobs, read at call time: ELEMS_BYTES per thread per chunk (16-byte loads),
# UNROLL chunks per step. Rows are split in segments of at least MIN_SEG columns when
# fewer than TARGET_PROGRAMS programs would run: many even pieces leave no tail wave, and
# a second small kernel combines a row's partial results.
WARPS = 4
ELEMS_BYTES = 32
UNROLL = 4
TARGET_PROGRAMS = 132 * 64
MIN_SEG = 16384


def solution(x):
    n_rows, n_cols = x.shape
    out = torch.empty((n_rows,), dtype=torch.int64, device=x.device)
    if n_rows == 0 or n_cols == 0:
        return out
    native = x.dtype != torch.bfloat16
    block = min(ELEMS_BYTES // x.element_size() * 32 * WARPS, triton.next_power_of_2(n_cols))
    step = block * UNROLL
    parts = max(1, min(triton.cdiv(TARGET_PROGRAMS, n_rows), n_cols // MIN_SEG))
    seg_len = triton.cdiv(triton.cdiv(n_cols, parts), step) * step
    parts = triton.cdiv(n_cols, seg_len)
    if parts == 1:
        _argmax_kernel[(n_rows, 1)](
            x,
            out,
            out,
            out,
            n_cols,
            n_cols,
            BLOCK=block,
            UNROLL=UNROLL,
            SPLIT=False,
            NATIVE=native,
            num_warps=WARPS,
        )
        return out
    part_val = torch.empty((n_rows, parts), dtype=torch.float32, device=x.device)
    part_idx = torch.empty((n_rows, parts), dtype=torch.int32, device=x.device)
    _argmax_kernel[(n_rows, parts)](
        x,
        out,
        part_val,
        part_idx,
        n_cols,
        seg_len,
        BLOCK=block,
        UNROLL=UNROLL,
        SPLIT=True,
        NATIVE=native,
        num_warps=WARPS,
    )
    rows = 64
    _combine_kernel[(triton.cdiv(n_rows, rows),)](
        part_val, part_idx, out, n_rows, parts, ROWS=rows, PARTS=triton.next_power_of_2(parts)
    )
    return out
