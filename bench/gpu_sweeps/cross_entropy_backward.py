"""Variants of triton/cross_entropy_backward, timed against the current expert (on the H200).

The task is memory-bound: `bytes_moved` counts the logits of the counted rows once, the
whole gradient once and the targets (large level: 4096 x 50257 float32, about 1.5 GB,
0.33 ms at 4.8 TB/s; 80% of peak is 0.41 ms). The expert splits each row over programs
that exchange partial (max, sum) words through atomics and spin-wait for each other. The
variants below never wait for another program. In all of them an ignored row (target
-100) reads no logits and only writes zeros, and the gradient is
exp(x - max) * (1 / (sum * n_valid)) - [j == target] / n_valid, one multiply-add per value.

Common to all: 16-byte vector loads and stores even when the rows are not 16-byte
aligned (V = 50257 float32 at the large level: row i starts at 4 * 50257 * i bytes, so
a plain row-major kernel cannot prove alignment and issues one 4-byte access per value,
with a 64-bit address register each). Each row is split into an aligned main part, whose
start the kernel declares a multiple of 16 bytes (tl.multiple_of) and whose length is a
whole number of vectors, plus fewer than 16 bytes at each end, handled as a tiny 2 * VEC
lane "edge" vector. (A tensor whose data pointer is not 16-byte aligned gets VEC = 1.)
Offline sm_90 compiles (triton 3.9) of the row kernel at these configs: 64-117
registers, every main load and store vectorized.

- rows_rev: one program per row (grid = M), chunks of 4096 values, 8 warps, after a
  one-program kernel that counts the valid rows. Pass 1 reads the row once with an
  online (running max, rescaled sum) reduction; pass 2 walks the chunks backwards, so the
  chunks read last (most likely still in the 50 MB L2) are re-read first, and the last
  chunk, still in registers, is written without a second read. The next chunk's load is
  issued before the current chunk is reduced (two chunks of loads in flight per program).
  DRAM bytes lie between 1x and 1.5x the minimum, depending on pass 2's L2 hits.
- persist1_rev_hint: persistent grid of one 16-warp program per SM striding over rows,
  chunks of 8192 values, backward pass 2, with cache hints (pass-1 loads `evict_last`,
  pass-2 loads and the gradient stores `evict_first`). Each program counts the valid
  rows itself from the 32 KB of targets (no counting launch). Only 132 rows (26 MB of
  float32 at the large level) are live at once, so pass 2 should come from L2: ~1x DRAM
  bytes, a single launch.
- persist2_rev_hint: the same with two 8-warp programs per SM and 4096-value chunks: two
  independent load streams per SM, twice the live L2 footprint (53 MB of float32 rows at
  the large level, so here the backward order and the hints have to earn their keep).
- persist_queue: as persist2, but programs take their next row from an atomic counter (a
  work queue, not a wait): ignored rows cost a fraction of a counted row, so a fixed row
  stride leaves some programs with more work; the queue balances the tail and keeps the
  rows in flight contiguous.
- two_kernel: no loops over a row. Kernel 1, one program per (row, 4096-value chunk),
  writes the chunk's max and sum of exp to a small buffer (and chunk 0 of each counted row
  adds 1 to the valid count); kernel 2, same grid in reverse launch order (the chunks
  kernel 1 read last are still in L2), combines the row's partials and writes the chunk's
  gradient. Full parallelism and balance, but logits read twice (1.5x the bytes, minus
  the L2 tail).

A persistent grid is shrunk, after the first call, to the programs per SM that the
compiled kernel's registers allow (otherwise the extra programs would run as a second
wave).

Usage: python bench/gpu_sweeps/cross_entropy_backward.py [--out results.jsonl]
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
TASK = "triton/cross_entropy_backward"
TARGET_BLOCK = 1024  # targets read per step when counting the valid rows


@triton.jit
def _count_valid(targets_ptr, n_rows, TBLOCK: tl.constexpr):
    idx = tl.arange(0, TBLOCK)
    tally = tl.zeros([TBLOCK], dtype=tl.int32)
    for first in range(0, n_rows, TBLOCK):
        t = tl.load(targets_ptr + first + idx, mask=first + idx < n_rows, other=-100)
        tally += (t != -100).to(tl.int32)
    return tl.sum(tally, axis=0)


@triton.jit
def _count_valid_kernel(targets_ptr, count_ptr, n_rows, TBLOCK: tl.constexpr):
    tl.store(count_ptr, _count_valid(targets_ptr, n_rows, TBLOCK))


# ---------------------------------------------------------------- one row per loop


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
def _row_layout(base, n_cols, VEC: tl.constexpr):
    # A row starting at element `base` (of a 16-byte aligned tensor): columns
    # [head, head + n_main) start on a 16-byte boundary and are whole VEC-vectors; the
    # rest, fewer than VEC values at each end, are the row's edges: 2 * VEC lanes
    # (lane k < VEC: column k, if k < head; lane VEC + j: column head + n_main + j).
    head = tl.minimum(((VEC - base % VEC) % VEC).to(tl.int32), n_cols)
    n_main = tl.multiple_of(((n_cols - head) // VEC) * VEC, VEC)
    k = tl.arange(0, 2 * VEC)
    edge_col = tl.where(k < VEC, k, head + n_main + k - VEC)
    edge_ok = tl.where(k < VEC, k < head, edge_col < n_cols)
    return head, n_main, edge_col, edge_ok


@triton.jit
def _one_row(
    logits_ptr,
    grad_ptr,
    base,
    target,
    n_cols,
    inv_valid,
    CHUNK: tl.constexpr,
    VEC: tl.constexpr,
    HINTS: tl.constexpr,
):
    valid = target != -100
    target = target.to(tl.int32)  # (compared with int32 columns: no 64-bit lanes)
    head, n_main, edge_col, edge_ok = _row_layout(base, n_cols, VEC)
    src = logits_ptr + base + head
    dst = grad_ptr + base + head
    if VEC > 1:  # tell the compiler: vector loads and stores in the main part
        src = tl.multiple_of(src, 16)
        dst = tl.multiple_of(dst, 16)
    cols = tl.arange(0, CHUNK)
    n_chunks = tl.cdiv(n_main, CHUNK)
    last = tl.maximum(n_chunks - 1, 0) * CHUNK
    n_read = tl.where(valid, n_main, 0)  # an ignored row reads nothing
    # Pass 1: online max and rescaled sum, the next chunk's load in flight meanwhile.
    edge = _load_chunk(logits_ptr + base + edge_col, tl.where(valid, edge_ok, False), True, HINTS)
    edge = edge.to(tl.float32)
    x = _load_chunk(src + cols, tl.where(valid, cols < n_main, False), True, HINTS)
    x = x.to(tl.float32)
    c = CHUNK + cols
    ahead = _load_chunk(src + c, tl.where(valid, c < n_main, False), True, HINTS)
    m = tl.where(valid, tl.maximum(tl.max(x, axis=0), tl.max(edge, axis=0)), 0.0)
    s = tl.sum(tl.exp(x - m), axis=0) + tl.sum(tl.exp(edge - m), axis=0)
    for start in range(CHUNK, n_read, CHUNK):
        x = ahead.to(tl.float32)
        c = start + CHUNK + cols
        ahead = _load_chunk(src + c, c < n_main, True, HINTS)
        m_new = tl.maximum(m, tl.max(x, axis=0))
        s = s * tl.exp(m - m_new) + tl.sum(tl.exp(x - m_new), axis=0)
        m = m_new
    # Pass 2, backwards. An ignored row: every x is -inf and coef 0, so its gradient is 0.
    coef = tl.where(valid, inv_valid / tl.where(valid, s, 1.0), 0.0)
    kind = grad_ptr.dtype.element_ty
    g = tl.exp(edge - m) * coef - tl.where(edge_col == target, inv_valid, 0.0)
    _store_chunk(grad_ptr + base + edge_col, g.to(kind), edge_ok, HINTS)
    t_main = target - head  # the target's column within the main part
    # x still holds the last chunk: written without being read again; then walk back
    # towards the row's start, most recently read (likeliest in L2) chunks first.
    c = last + cols
    g = tl.exp(x - m) * coef - tl.where(c == t_main, inv_valid, 0.0)
    _store_chunk(dst + c, g.to(kind), c < n_main, HINTS)
    c = last - CHUNK + cols
    ahead = _load_chunk(src + c, tl.where(valid, c >= 0, False), False, HINTS)
    for i in range(1, n_chunks):
        start = last - i * CHUNK
        x = ahead.to(tl.float32)
        c = start - CHUNK + cols
        ahead = _load_chunk(src + c, tl.where(valid, c >= 0, False), False, HINTS)
        c = start + cols
        g = tl.exp(x - m) * coef - tl.where(c == t_main, inv_valid, 0.0)
        _store_chunk(dst + c, g.to(kind), c < n_main, HINTS)


@triton.jit
def _rows_kernel(
    logits_ptr,
    targets_ptr,
    count_ptr,
    grad_ptr,
    queue_ptr,
    n_rows,
    n_cols,
    CHUNK: tl.constexpr,
    VEC: tl.constexpr,
    HINTS: tl.constexpr,
    INLINE_COUNT: tl.constexpr,
    QUEUE: tl.constexpr,
    TBLOCK: tl.constexpr,
):
    if INLINE_COUNT:
        n_valid = _count_valid(targets_ptr, n_rows, TBLOCK)
    else:
        n_valid = tl.load(count_ptr)
    inv_valid = 1.0 / n_valid.to(tl.float32)
    if QUEUE:
        # Rows handed out by an atomic counter: whoever is free takes the next one.
        row = tl.atomic_add(queue_ptr, 1, sem="relaxed")
        while row < n_rows:
            target = tl.load(targets_ptr + row)
            base = row.to(tl.int64) * n_cols
            _one_row(logits_ptr, grad_ptr, base, target, n_cols, inv_valid, CHUNK, VEC, HINTS)
            row = tl.atomic_add(queue_ptr, 1, sem="relaxed")
    else:
        # grid = M: one row per program; a smaller grid: persistent programs striding rows.
        pid = tl.program_id(0)
        step = tl.num_programs(0)
        for i in range(0, tl.cdiv(n_rows - pid, step)):
            row = pid + i * step
            target = tl.load(targets_ptr + row)
            base = row.to(tl.int64) * n_cols
            _one_row(logits_ptr, grad_ptr, base, target, n_cols, inv_valid, CHUNK, VEC, HINTS)


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


def _vec(t: torch.Tensor) -> int:
    """Values per 16 bytes, or 1 for a tensor that does not start on a 16-byte boundary."""
    return 16 // t.element_size() if t.data_ptr() % 16 == 0 else 1


def make_rows_variant(chunk: int, warps: int, per_sm: int | None, hints: bool, queue: bool = False):
    """A solution: every row in two passes; per_sm programs per SM (None: one per row).
    A persistent grid larger than what fits on the GPU at once would run in waves, so it
    shrinks to what the compiled kernel's registers allow (known after the first call)."""
    fits: dict = {}

    def solution(logits, targets):
        n_rows, n_cols = logits.shape
        grad = torch.empty_like(logits)
        if logits.numel() == 0:
            return grad
        block = min(chunk, triton.next_power_of_2(n_cols))
        n_warps = warps if block == chunk else max(1, min(warps, block // 512))
        count = queue_cells = grad  # placeholders for pointers a variant does not use
        if per_sm is None:
            grid = n_rows
            count = torch.empty((1,), dtype=torch.int32, device=logits.device)
            _count_valid_kernel[(1,)](targets, count, n_rows, TBLOCK=TARGET_BLOCK, num_warps=4)
        else:
            per = fits.get((logits.dtype, block), per_sm)
            grid = min(n_rows, per * _sm_count(logits.device.index) if logits.is_cuda else 2)
        if queue:
            queue_cells = torch.zeros((1,), dtype=torch.int32, device=logits.device)
        kernel = _rows_kernel[(grid,)](
            logits,
            targets,
            count,
            grad,
            queue_cells,
            n_rows,
            n_cols,
            CHUNK=block,
            VEC=_vec(logits),
            HINTS=hints,
            INLINE_COUNT=per_sm is not None,
            QUEUE=queue,
            TBLOCK=TARGET_BLOCK,
            num_warps=n_warps,
        )
        if per_sm is not None and (logits.dtype, block) not in fits:
            fits[logits.dtype, block] = min(per_sm, _resident(kernel, n_warps))
        return grad

    return solution


# ---------------------------------------------------------------- two kernels


@triton.jit
def _chunk_stats_kernel(
    logits_ptr,
    targets_ptr,
    max_ptr,
    sum_ptr,
    count_ptr,
    n_cols,
    n_chunks,
    CHUNK: tl.constexpr,
    VEC: tl.constexpr,
):
    # Program (row, part): the max and sum of exp(x - max) of the part's chunk of the
    # row's aligned main part (part 0 adds the row's edges); -inf and 0 for an empty
    # chunk; junk for an ignored row, which kernel 2 never reads. Part 0 of a counted
    # row adds 1 to the count.
    pid = tl.program_id(0)
    row = pid // n_chunks
    part = pid - row * n_chunks
    valid = tl.load(targets_ptr + row) != -100
    base = row.to(tl.int64) * n_cols
    head, n_main, edge_col, edge_ok = _row_layout(base, n_cols, VEC)
    src = logits_ptr + base + head
    if VEC > 1:
        src = tl.multiple_of(src, 16)
    c = part * CHUNK + tl.arange(0, CHUNK)
    x = tl.load(src + c, mask=tl.where(valid, c < n_main, False), other=float("-inf"))
    x = x.to(tl.float32)
    edge_ok = tl.where(valid & (part == 0), edge_ok, False)
    edge = tl.load(logits_ptr + base + edge_col, mask=edge_ok, other=float("-inf"))
    edge = edge.to(tl.float32)
    top = tl.maximum(tl.max(x, axis=0), tl.max(edge, axis=0))
    safe = tl.where(top > float("-inf"), top, 0.0)
    tl.store(max_ptr + pid, top)
    tl.store(sum_ptr + pid, tl.sum(tl.exp(x - safe), axis=0) + tl.sum(tl.exp(edge - safe), axis=0))
    tl.atomic_add(count_ptr, 1, mask=tl.where(valid, part, 1) == 0, sem="relaxed")


@triton.jit
def _chunk_grad_kernel(
    logits_ptr,
    targets_ptr,
    max_ptr,
    sum_ptr,
    count_ptr,
    grad_ptr,
    n_cols,
    n_chunks,
    n_programs,
    CHUNK: tl.constexpr,
    PARTS: tl.constexpr,
    VEC: tl.constexpr,
):
    # Reverse launch order: the first programs handle the chunks kernel 1 read last.
    pid = n_programs - 1 - tl.program_id(0)
    row = pid // n_chunks
    part = pid - row * n_chunks
    target = tl.load(targets_ptr + row).to(tl.int32)
    valid = target != -100
    parts = tl.arange(0, PARTS)
    here = parts < tl.where(valid, n_chunks, 0)
    tops = tl.load(max_ptr + row * n_chunks + parts, mask=here, other=float("-inf"))
    sums = tl.load(sum_ptr + row * n_chunks + parts, mask=here, other=0.0)
    m = tl.where(valid, tl.max(tops, axis=0), 0.0)
    s = tl.sum(sums * tl.exp(tops - m), axis=0)
    inv_valid = 1.0 / tl.load(count_ptr).to(tl.float32)
    coef = tl.where(valid, inv_valid / tl.where(valid, s, 1.0), 0.0)
    base = row.to(tl.int64) * n_cols
    head, n_main, edge_col, edge_ok = _row_layout(base, n_cols, VEC)
    src = logits_ptr + base + head
    dst = grad_ptr + base + head
    if VEC > 1:
        src = tl.multiple_of(src, 16)
        dst = tl.multiple_of(dst, 16)
    kind = grad_ptr.dtype.element_ty
    c = part * CHUNK + tl.arange(0, CHUNK)
    x = tl.load(src + c, mask=tl.where(valid, c < n_main, False), other=float("-inf"))
    g = tl.exp(x.to(tl.float32) - m) * coef - tl.where(c == target - head, inv_valid, 0.0)
    tl.store(dst + c, g.to(kind), mask=c < n_main)
    edge_ok = tl.where(part == 0, edge_ok, False)
    edge_in = tl.where(valid, edge_ok, False)
    edge = tl.load(logits_ptr + base + edge_col, mask=edge_in, other=float("-inf"))
    g = tl.exp(edge.to(tl.float32) - m) * coef - tl.where(edge_col == target, inv_valid, 0.0)
    tl.store(grad_ptr + base + edge_col, g.to(kind), mask=edge_ok)


def make_two_kernel_variant(chunk: int, warps: int):
    def solution(logits, targets):
        n_rows, n_cols = logits.shape
        grad = torch.empty_like(logits)
        if logits.numel() == 0:
            return grad
        block = min(chunk, triton.next_power_of_2(n_cols))
        n_warps = warps if block == chunk else max(1, min(warps, block // 512))
        n_chunks = triton.cdiv(n_cols, block)
        n_programs = n_rows * n_chunks
        maxes = torch.empty((n_programs,), dtype=torch.float32, device=logits.device)
        sums = torch.empty((n_programs,), dtype=torch.float32, device=logits.device)
        count = torch.zeros((1,), dtype=torch.int32, device=logits.device)
        vec = _vec(logits)
        _chunk_stats_kernel[(n_programs,)](
            logits,
            targets,
            maxes,
            sums,
            count,
            n_cols,
            n_chunks,
            CHUNK=block,
            VEC=vec,
            num_warps=n_warps,
        )
        _chunk_grad_kernel[(n_programs,)](
            logits,
            targets,
            maxes,
            sums,
            count,
            grad,
            n_cols,
            n_chunks,
            n_programs,
            CHUNK=block,
            PARTS=triton.next_power_of_2(n_chunks),
            VEC=vec,
            num_warps=n_warps,
        )
        return grad

    return solution


VARIANTS = {
    "rows_rev": make_rows_variant(4096, 8, None, hints=False),
    "persist1_rev_hint": make_rows_variant(8192, 16, 1, hints=True),
    "persist2_rev_hint": make_rows_variant(4096, 8, 2, hints=True),
    "persist_queue": make_rows_variant(4096, 8, 2, hints=True, queue=True),
    "two_kernel": make_two_kernel_variant(4096, 8),
}


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from bench.gpu_variants import sweep_main

    sweep_main(TASK, VARIANTS, __doc__.splitlines()[0])


if __name__ == "__main__":
    main()
