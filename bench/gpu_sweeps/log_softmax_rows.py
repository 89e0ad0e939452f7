"""Variants of triton/log_softmax_rows, timed against the current expert (run on the H200).

The task is memory-bound: `bytes_moved` counts one read of x and one write of the output
(2048 x 131072 bf16 at the top level: 512 MB + 512 MB, 0.22 ms at 4.8 TB/s; 80% of peak is
0.28 ms). The expert splits a long row over 16 programs that exchange their partial
(max, sum) through atomics and spin-wait for each other. The variants below never wait:

Every variant shares one short-row kernel (rows up to 16384 values: several whole rows per
program, held in registers, read once and written once). They differ on long rows:

- rows_rev: one program per row (grid = M), chunks of 8192 values, 8 warps. Pass 1 reads
  the row once with an online (running max, rescaled sum) reduction; pass 2 reads it again
  and writes, walking the chunks backwards, so the chunks read last in pass 1 (the ones
  most likely still in the 50 MB L2) are re-read first, and the last chunk, still in
  registers, is written without a second read. The next chunk's load is issued before
  the current chunk is reduced, so a program keeps two chunks of loads in flight. The
  bytes from DRAM lie between 1x and 1.5x the minimum, depending on how much of pass 2
  hits L2; occupancy (about two 8-warp programs per SM) decides how many rows share L2.
- persist1_rev_hint: persistent grid of one 16-warp program per SM, looping over rows
  (row += grid), chunks of 16384 values, backward pass 2, plus cache hints: pass-1 loads
  `evict_last` (keep the row in L2), pass-2 loads and the stores `evict_first` (streamed
  output does not push the row out). Only 132 rows (33 MB of bf16) are live at once, so
  pass 2 should come almost entirely from L2: ~1x DRAM bytes, one launch, no atomics.
- persist2_rev_hint: the same with two 8-warp programs per SM and 8192-value chunks: more
  independent load streams per SM (latency hiding) at 2x the live L2 footprint (67 MB at
  the top level, so the backward order and the hints matter more).
- persist1_fwd: persist1 without the backward order and without hints: measures what
  the L2 tricks are worth (pass 2 re-reads the row front to back).
- two_kernel: no loops over a row at all. Kernel 1, one program per (row, 4096-value
  chunk), writes the chunk's max and sum of exp to a small buffer; kernel 2, same grid in
  reverse launch order (the chunks kernel 1 read last are still in L2), combines the
  row's partials and writes its chunk. Full-GPU parallelism and perfect load balance, but
  x is read twice (1.5x the minimum bytes, minus the L2 tail) and there are two launches.

A persistent grid is shrunk, after the first call, to the programs per SM that the
compiled kernel's registers allow (otherwise the extra programs would run as a second
wave). Offline sm_90 compiles (triton 3.9, bf16) of the long-row kernel at these configs:
84-103 registers, all loads and stores 16-byte vectors (the row length is a multiple of
16 at every level, which Triton specializes on).

Usage: python bench/gpu_sweeps/log_softmax_rows.py [--out results.jsonl]
(without a GPU, with TRITON_INTERPRET=1: checks every variant on level 0 only).
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import torch
import triton
import triton.language as tl

ROOT = Path(__file__).resolve().parents[2]
TASK = "triton/log_softmax_rows"

# Rows up to this many values (rounded up to a power of two) are held whole in registers.
SHORT_MAX = 16384


# ---------------------------------------------------------------- short rows (shared)


@triton.jit
def _short_rows_kernel(x_ptr, out_ptr, n_rows, n_cols, ROWS: tl.constexpr, BLOCK: tl.constexpr):
    # A tile of ROWS whole rows: one read, one write, statistics in registers.
    r = tl.program_id(0) * ROWS + tl.arange(0, ROWS)
    c = tl.arange(0, BLOCK)
    live = r < n_rows
    inside = live[:, None] & (c < n_cols)[None, :]
    where = r.to(tl.int64)[:, None] * n_cols + c[None, :]
    v = tl.load(x_ptr + where, mask=inside, other=float("-inf")).to(tl.float32)
    top = tl.where(live, tl.max(v, axis=1), 0.0)
    shifted = v - top[:, None]
    log_total = tl.log(tl.where(live, tl.sum(tl.exp(shifted), axis=1), 1.0))
    y = shifted - log_total[:, None]
    tl.store(out_ptr + where, y.to(out_ptr.dtype.element_ty), mask=inside)


def _short_rows(x: torch.Tensor, out: torch.Tensor) -> None:
    n_rows, n_cols = x.shape
    block = triton.next_power_of_2(n_cols)
    rows = max(1, min(16, 8192 // block))
    warps = max(4, min(16, rows * block // 512))
    _short_rows_kernel[(triton.cdiv(n_rows, rows),)](
        x, out, n_rows, n_cols, ROWS=rows, BLOCK=block, num_warps=warps
    )


# ---------------------------------------------------------------- long rows, one row per loop


@triton.jit
def _load_chunk(ptr, mask, KEEP: tl.constexpr, HINTS: tl.constexpr):
    # KEEP: a pass-1 load whose lines pass 2 wants to find in L2 again.
    if HINTS:
        if KEEP:
            v = tl.load(ptr, mask=mask, other=float("-inf"), eviction_policy="evict_last")
        else:
            v = tl.load(ptr, mask=mask, other=float("-inf"), eviction_policy="evict_first")
    else:
        v = tl.load(ptr, mask=mask, other=float("-inf"))
    return v


@triton.jit
def _store_chunk(ptr, value, mask, HINTS: tl.constexpr):
    if HINTS:
        tl.store(ptr, value, mask=mask, eviction_policy="evict_first")
    else:
        tl.store(ptr, value, mask=mask)


@triton.jit
def _one_long_row(
    src, dst, n_cols, CHUNK: tl.constexpr, REVERSE: tl.constexpr, HINTS: tl.constexpr
):
    cols = tl.arange(0, CHUNK)
    n_chunks = tl.cdiv(n_cols, CHUNK)
    last = (n_chunks - 1) * CHUNK
    # Pass 1: online max and rescaled sum; the next chunk's load is in flight while the
    # current one is reduced.
    x = _load_chunk(src + cols, cols < n_cols, True, HINTS).to(tl.float32)
    ahead = _load_chunk(src + CHUNK + cols, CHUNK + cols < n_cols, True, HINTS)
    m = tl.max(x, axis=0)
    s = tl.sum(tl.exp(x - m), axis=0)
    for start in range(CHUNK, n_cols, CHUNK):
        x = ahead.to(tl.float32)
        c = start + CHUNK + cols
        ahead = _load_chunk(src + c, c < n_cols, True, HINTS)
        m_new = tl.maximum(m, tl.max(x, axis=0))
        s = s * tl.exp(m - m_new) + tl.sum(tl.exp(x - m_new), axis=0)
        m = m_new
    log_s = tl.log(s)
    kind = dst.dtype.element_ty
    if REVERSE:
        # x still holds the last chunk: write it without reading it again, then walk
        # back towards the row's start (most recently read chunks first).
        _store_chunk(dst + last + cols, ((x - m) - log_s).to(kind), last + cols < n_cols, HINTS)
        c = last - CHUNK + cols
        ahead = _load_chunk(src + c, c >= 0, False, HINTS)
        for i in range(1, n_chunks):
            start = last - i * CHUNK
            x = ahead.to(tl.float32)
            c = start - CHUNK + cols
            ahead = _load_chunk(src + c, c >= 0, False, HINTS)
            _store_chunk(dst + start + cols, ((x - m) - log_s).to(kind), cols < CHUNK, HINTS)
    else:
        ahead = _load_chunk(src + cols, cols < n_cols, False, HINTS)
        for start in range(0, n_cols, CHUNK):
            x = ahead.to(tl.float32)
            c = start + CHUNK + cols
            ahead = _load_chunk(src + c, c < n_cols, False, HINTS)
            c = start + cols
            _store_chunk(dst + c, ((x - m) - log_s).to(kind), c < n_cols, HINTS)


@triton.jit
def _long_rows_kernel(
    x_ptr,
    out_ptr,
    n_rows,
    n_cols,
    CHUNK: tl.constexpr,
    REVERSE: tl.constexpr,
    HINTS: tl.constexpr,
):
    # grid = M: one row per program; a smaller grid: persistent programs striding rows.
    # (Row offsets from the row index, not carried pointers, so that the compiler still
    # knows their alignment and vectorizes the loads.)
    pid = tl.program_id(0)
    step = tl.num_programs(0)
    for i in range(0, tl.cdiv(n_rows - pid, step)):
        base = (pid + i * step).to(tl.int64) * n_cols
        _one_long_row(x_ptr + base, out_ptr + base, n_cols, CHUNK, REVERSE, HINTS)


@functools.cache
def _sm_count(index: int) -> int:
    return torch.cuda.get_device_properties(index).multi_processor_count


def _resident(kernel, warps: int) -> int:
    """How many programs of a compiled kernel fit on one SM at once, by registers and
    warps (64 warps, 64K registers on an H200 SM); large when unknown (interpreter)."""
    regs = getattr(kernel, "n_regs", 0) or 0
    if not regs:
        return 1 << 20
    per_warp = -(-regs * 32 // 256) * 256  # registers are allocated per warp, 256 at a time
    return max(1, min(65536 // (per_warp * warps), 64 // warps))


def make_rows_variant(chunk: int, warps: int, per_sm: int | None, reverse: bool, hints: bool):
    """A solution: short rows whole; long rows in two passes, per_sm programs per SM
    (None: one program per row). A persistent grid larger than what fits on the GPU at
    once would run in waves, so it shrinks to what the compiled kernel's registers allow
    (known after the first call)."""
    fits: dict = {}

    def solution(x):
        n_rows, n_cols = x.shape
        out = torch.empty_like(x)
        if x.numel() == 0:
            return out
        if triton.next_power_of_2(n_cols) <= SHORT_MAX:
            _short_rows(x, out)
            return out
        if per_sm is None:
            grid = n_rows
        else:
            per = fits.get(x.dtype, per_sm)
            grid = min(n_rows, per * _sm_count(x.device.index) if x.is_cuda else 2)
        kernel = _long_rows_kernel[(grid,)](
            x, out, n_rows, n_cols, CHUNK=chunk, REVERSE=reverse, HINTS=hints, num_warps=warps
        )
        if per_sm is not None and x.dtype not in fits:
            fits[x.dtype] = min(per_sm, _resident(kernel, warps))
        return out

    return solution


# ---------------------------------------------------------------- long rows, two kernels


@triton.jit
def _chunk_stats_kernel(x_ptr, max_ptr, sum_ptr, n_cols, n_chunks, CHUNK: tl.constexpr):
    # Program (row, chunk): that chunk's max and sum of exp(x - max).
    pid = tl.program_id(0)
    row = pid // n_chunks
    c = (pid - row * n_chunks) * CHUNK + tl.arange(0, CHUNK)
    v = tl.load(x_ptr + row.to(tl.int64) * n_cols + c, mask=c < n_cols, other=float("-inf"))
    v = v.to(tl.float32)
    top = tl.max(v, axis=0)
    tl.store(max_ptr + pid, top)
    tl.store(sum_ptr + pid, tl.sum(tl.exp(v - top), axis=0))


@triton.jit
def _chunk_apply_kernel(
    x_ptr,
    out_ptr,
    max_ptr,
    sum_ptr,
    n_cols,
    n_chunks,
    n_programs,
    CHUNK: tl.constexpr,
    PARTS: tl.constexpr,
):
    # Reverse launch order: the first programs handle the chunks kernel 1 read last.
    pid = n_programs - 1 - tl.program_id(0)
    row = pid // n_chunks
    part = tl.arange(0, PARTS)
    here = part < n_chunks
    tops = tl.load(max_ptr + row * n_chunks + part, mask=here, other=float("-inf"))
    sums = tl.load(sum_ptr + row * n_chunks + part, mask=here, other=0.0)
    m = tl.max(tops, axis=0)
    log_s = tl.log(tl.sum(sums * tl.exp(tops - m), axis=0))
    c = (pid - row * n_chunks) * CHUNK + tl.arange(0, CHUNK)
    at = row.to(tl.int64) * n_cols + c
    v = tl.load(x_ptr + at, mask=c < n_cols, other=0.0).to(tl.float32)
    tl.store(out_ptr + at, ((v - m) - log_s).to(out_ptr.dtype.element_ty), mask=c < n_cols)


def make_two_kernel_variant(chunk: int, warps: int):
    def solution(x):
        n_rows, n_cols = x.shape
        out = torch.empty_like(x)
        if x.numel() == 0:
            return out
        if triton.next_power_of_2(n_cols) <= SHORT_MAX:
            _short_rows(x, out)
            return out
        n_chunks = triton.cdiv(n_cols, chunk)
        n_programs = n_rows * n_chunks
        maxes = torch.empty((n_programs,), dtype=torch.float32, device=x.device)
        sums = torch.empty((n_programs,), dtype=torch.float32, device=x.device)
        _chunk_stats_kernel[(n_programs,)](
            x, maxes, sums, n_cols, n_chunks, CHUNK=chunk, num_warps=warps
        )
        _chunk_apply_kernel[(n_programs,)](
            x,
            out,
            maxes,
            sums,
            n_cols,
            n_chunks,
            n_programs,
            CHUNK=chunk,
            PARTS=triton.next_power_of_2(n_chunks),
            num_warps=warps,
        )
        return out

    return solution


VARIANTS = {
    "rows_rev": make_rows_variant(8192, 8, None, reverse=True, hints=False),
    "persist1_rev_hint": make_rows_variant(16384, 16, 1, reverse=True, hints=True),
    "persist2_rev_hint": make_rows_variant(8192, 8, 2, reverse=True, hints=True),
    "persist1_fwd": make_rows_variant(16384, 16, 1, reverse=False, hints=False),
    "two_kernel": make_two_kernel_variant(4096, 8),
}


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from bench.gpu_variants import sweep_main

    sweep_main(TASK, VARIANTS, __doc__.splitlines()[0])


if __name__ == "__main__":
    main()
