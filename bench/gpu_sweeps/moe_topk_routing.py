"""Variants of triton/moe_topk_routing, timed against the current expert (run on the H200).

The task should be memory-bound: `bytes_moved` counts one read of the logits and one write
of the k ids and weights (top level: 262144 x 256 float32 = 268 MB read, 17 MB written;
59 us at 4.8 TB/s). The expert (0.46 ms, 13% of peak) is bound by instructions, not bytes.
Its SASS for the top level (compiled on a CPU machine for sm_90 with triton 3.9; the
kernels are fully unrolled, so static counts are the dynamic ones) is ~1160 warp
instructions per row plus 27 barriers per program: the compiler's layout (4 values per
thread, 64 threads per 256-expert row) spreads each row over TWO warps, and each of the
k = 8 rounds is a `tl.max(..., return_indices=True)` (a (value, index) combine: compare,
tie test, two selects and two shuffles per step), an exchange between the two warps
through shared memory with barriers, then a compare-and-select to take the winner out.
262144 rows x 1160 / (132 SMs x 4 issue slots x ~1.9 GHz) is already ~0.3 ms.

Every variant reads each logit exactly once and writes only the k outputs (the minimum
bytes); they differ in instructions per row. Static SASS warp instructions per row at
E = 256 / 128 / 64 (same method): expert 1164 / 508 / 181.

The ikey_* variants share one kernel. Each logit's bits become an int32 key whose signed
order is the float order (negative floats: flip the magnitude bits; 2 instructions per
value, once). The tile is [SPLIT, ROWS, CHUNK] (element (h, r, c) = expert h * CHUNK + c
of row r, SPLIT slowest), so the compiler puts CHUNK lanes on a row and SPLIT = E / CHUNK
values of the row in each thread, and several whole rows in each warp. A round is an
in-register integer max over the thread's values (3-input VIMNMX3), then log2(CHUNK)
shuffle steps, or ONE `redux.sync.max.s32` when CHUNK = 32; no shared memory, no barrier.
The winner is overwritten IN PLACE by the marker INT_MIN + i (below every key, -inf
included), so later rounds skip it and no index is reduced (~20 instructions per row per
round). After k rounds one pass turns the markers into slots (key - INT_MIN in [0, k))
and scatters each chosen expert's index to ids[row, slot] with a masked store; the
weights are a softmax over the k winning keys (decoded back to floats) kept in a
[ROWS, K_PAD] tile. The loads are scalar (n_experts is not specialised; a warp load
instruction covers whole 32-byte sectors, half sectors for ikey_l4 whose other half the
next load finds in L1): the scatter store then has the load's layout and needs no layout
conversion (with 16-byte loads the compiler converts the whole pointer tile through
shared memory). Programs of 4 warps.

- ikey_l8 (296 / 152 / 78 per row; 56 / 32 / 28 registers): 8 lanes per row (32 / 16 / 8
  values per thread), 4 rows per warp, one row per thread (16 rows per program). Few
  lanes per row: the reductions are mostly in-register 3-input max, 3 shuffle steps.
- ikey_l4 (290 / 149 / 66; 96 / 56 / 32 registers): 4 lanes per row (64 / 32 / 16 values
  per thread), 8 rows per warp. Fewest instructions per row, most registers per thread
  (lower occupancy at E = 256: ~20 warps per SM).
- ikey_l32 (344 / 204 / 132; 39 / 32 / 28 registers): a row over the 32 lanes of a warp
  (8 values per thread at E = 256), two rows per thread, the lane reduction is one
  redux.sync. Most occupancy and the shortest dependency chain per round; more
  per-row overhead (the [ROWS, K_PAD] tile is replicated over the lanes).
- ikey_idx (424 / 256 / 148): ikey_l32 without the scatter: each round also reduces
  the winner's index (a select per value, VIMNMX3 and a second redux.sync) and the
  [ROWS, K_PAD] ids tile is stored like the weights. More instructions, but plain
  contiguous stores; a check in case the scattered 4-byte stores cost more than counted.
- bitonic_topk (1024 / 512 / 221): sort-based. Each logit becomes one int64 key
  (order-preserving float bits << 32 | expert index), and `tl.topk(keys, K_PAD)` (the
  bitonic top-k network in triton.language.standard: log K_PAD full sorting stages, then
  halving max + merge steps) returns the K_PAD largest keys in order; value and id are
  decoded from each key. No data-dependent rounds, but 64-bit compare-exchanges over
  log^2 stages with shuffles and shared memory: tests a sorting network against k
  selection rounds. 16 rows x 256 per program, 4 warps.

At ~1e12 warp instructions per second (132 SMs x 4 x ~1.9 GHz) the ikey counts give
~75 us at E = 256 against 59 us for the bytes, so these stay issue-bound before
latency and occupancy, but ~4x under the expert. The H200 run uses triton 3.6, whose
code may differ from these 3.9 counts.

Usage: python bench/gpu_sweeps/moe_topk_routing.py [--out results.jsonl]
(without a GPU, with TRITON_INTERPRET=1: checks every variant on level 0 only).
"""

from __future__ import annotations

import sys
from pathlib import Path

import torch
import triton
import triton.language as tl

ROOT = Path(__file__).resolve().parents[2]
TASK = "triton/moe_topk_routing"

# int32 keys (float bits; negative ones with the magnitude bits flipped, so signed int
# order == float order): round i's winner becomes INT_MIN + i, below every key.
_IMARK0 = tl.constexpr(-(2**31))
_KEY_NEG_INF = tl.constexpr(-(2**31) + 0x7FFFFF)  # the key of -inf (bits 0xFF800000)
_KEY_LOW = tl.constexpr(0xFFFF)


@triton.jit
def _load_tile(ptrs, in_row, EVEN: tl.constexpr):
    # EVEN (the expert count is a power of two): no mask and no per-value select of -inf.
    if EVEN:
        return tl.load(ptrs)
    else:
        return tl.load(ptrs, mask=in_row, other=-float("inf"))


@triton.jit
def _flip_order(bits):
    # int32 float bits <-> signed-order keys (an involution).
    return bits ^ ((bits >> 31) & 0x7FFFFFFF)


# ------------------------------------------------------------------ int32-key rounds


@triton.jit(do_not_specialize=["n_experts"])
def _ikey_kernel(
    logits_ptr,
    weights_ptr,
    ids_ptr,
    n_tokens,
    n_experts,
    K: tl.constexpr,
    K_PAD: tl.constexpr,
    ROWS: tl.constexpr,
    SPLIT: tl.constexpr,
    CHUNK: tl.constexpr,
    EVEN: tl.constexpr,
    SCATTER: tl.constexpr,
):
    # Tile [SPLIT, ROWS, CHUNK]: element (h, r, c) is expert h * CHUNK + c of row r. SPLIT
    # is the slowest axis, so each thread holds SPLIT values of a row and CHUNK lanes
    # cover it. n_experts is not specialised: scalar loads, the scatter store's layout.
    rows = tl.program_id(0) * ROWS + tl.arange(0, ROWS)
    row_ok = rows < n_tokens
    rows64 = rows.to(tl.int64)
    src64 = tl.minimum(rows, n_tokens - 1).to(tl.int64)  # tail rows re-read the last row
    col = tl.arange(0, SPLIT)[:, None, None] * CHUNK + tl.arange(0, CHUNK)[None, None, :]
    x = _load_tile(logits_ptr + src64[None, :, None] * n_experts + col, col < n_experts, EVEN)
    key = _flip_order(x.to(tl.int32, bitcast=True))
    slot = tl.arange(0, K_PAD)
    top = tl.full((ROWS, K_PAD), _KEY_NEG_INF, dtype=tl.int32)
    ids = tl.zeros((ROWS, K_PAD), dtype=tl.int32)
    for i in tl.static_range(K):
        best = tl.max(tl.max(key, axis=0), axis=1)  # in registers, then across the lanes
        hit = key == best[:, None][None]  # (expand on axis 1 first: no layout change)
        if not SCATTER:
            where = tl.max(tl.max(tl.where(hit, col, -1), axis=0), axis=1)
            ids = tl.where(slot[None, :] == i, where[:, None], ids)
        key = tl.where(hit, _IMARK0 + i, key)
        top = tl.where(slot[None, :] == i, best[:, None], top)
    out_mask = row_ok[:, None] & (slot < K)[None, :]
    offs = rows64[:, None] * K + slot[None, :]
    if SCATTER:
        rank = key - _IMARK0  # the round that took this value (in [0, K) for markers)
        chosen = row_ok[None, :, None] & (rank.to(tl.uint32, bitcast=True) < K)
        tl.store(ids_ptr + rows64[None, :, None] * K + rank, col, mask=chosen)
    else:
        tl.store(ids_ptr + offs, ids, mask=out_mask)
    vals = _flip_order(top).to(tl.float32, bitcast=True)
    e = tl.exp(vals - tl.max(vals, axis=1)[:, None])  # padded slots: exp(-inf) = 0
    tl.store(weights_ptr + offs, e / tl.sum(e, axis=1)[:, None], mask=out_mask)


# ------------------------------------------------------------------ bitonic top-k


@triton.jit
def _bitonic_kernel(
    logits_ptr,
    weights_ptr,
    ids_ptr,
    n_tokens,
    n_experts,
    K: tl.constexpr,
    K_PAD: tl.constexpr,
    ROWS: tl.constexpr,
    BLOCK_E: tl.constexpr,
    EVEN: tl.constexpr,
):
    rows = tl.program_id(0) * ROWS + tl.arange(0, ROWS)
    row_ok = rows < n_tokens
    rows64 = rows.to(tl.int64)
    src64 = tl.minimum(rows, n_tokens - 1).to(tl.int64)
    cols = tl.arange(0, BLOCK_E)
    ptrs = logits_ptr + src64[:, None] * n_experts + cols[None, :]
    x = _load_tile(ptrs, (cols < n_experts)[None, :], EVEN)
    # int64 key: signed-order float bits in the high word, the expert in the low word.
    key = (_flip_order(x.to(tl.int32, bitcast=True)).to(tl.int64) << 32) | cols[None, :]
    top = tl.topk(key, K_PAD)  # [ROWS, K_PAD], largest first
    vals = _flip_order((top >> 32).to(tl.int32)).to(tl.float32, bitcast=True)
    slot = tl.arange(0, K_PAD)
    keep = (slot < K)[None, :]
    e = tl.where(keep, tl.exp(vals - tl.max(vals, axis=1)[:, None]), 0.0)
    offs = rows64[:, None] * K + slot[None, :]
    mask = row_ok[:, None] & keep
    tl.store(weights_ptr + offs, e / tl.sum(e, axis=1)[:, None], mask=mask)
    tl.store(ids_ptr + offs, (top & _KEY_LOW).to(tl.int32), mask=mask)


# ------------------------------------------------------------------ launchers


def _outputs(logits, k):
    n_tokens = logits.shape[0]
    weights = torch.empty((n_tokens, k), dtype=torch.float32, device=logits.device)
    ids = torch.empty((n_tokens, k), dtype=torch.int32, device=logits.device)
    return weights, ids


def _tile(block_e, lanes, rows_per_thread, num_warps):
    """(SPLIT, CHUNK, ROWS) of a [SPLIT, ROWS, CHUNK] tile, one value per lane per chunk:
    CHUNK = `lanes` lanes per row (SPLIT = block_e / CHUNK values of a row per thread),
    32 / CHUNK rows per warp, `rows_per_thread` of them per thread."""
    chunk = max(1, min(lanes, block_e))
    return block_e // chunk, chunk, num_warps * (32 // chunk) * rows_per_thread


def _launch(kernel, logits, k, lanes, rows_per_thread, num_warps, **extra):
    weights, ids = _outputs(logits, k)
    n_tokens, n_experts = logits.shape
    if n_tokens == 0:
        return weights, ids
    block_e = triton.next_power_of_2(n_experts)
    split, chunk, rows = _tile(block_e, lanes, rows_per_thread, num_warps)
    kernel[(triton.cdiv(n_tokens, rows),)](
        logits,
        weights,
        ids,
        n_tokens,
        n_experts,
        K=k,
        K_PAD=triton.next_power_of_2(k),
        ROWS=rows,
        SPLIT=split,
        CHUNK=chunk,
        EVEN=block_e == n_experts,
        num_warps=num_warps,
        **extra,
    )
    return weights, ids


def ikey_l8(logits: torch.Tensor, k: int) -> tuple[torch.Tensor, torch.Tensor]:
    return _launch(_ikey_kernel, logits, k, 8, 1, 4, SCATTER=True)


def ikey_l4(logits: torch.Tensor, k: int) -> tuple[torch.Tensor, torch.Tensor]:
    return _launch(_ikey_kernel, logits, k, 4, 1, 4, SCATTER=True)


def ikey_l32(logits: torch.Tensor, k: int) -> tuple[torch.Tensor, torch.Tensor]:
    return _launch(_ikey_kernel, logits, k, 32, 2, 4, SCATTER=True)


def ikey_idx(logits: torch.Tensor, k: int) -> tuple[torch.Tensor, torch.Tensor]:
    return _launch(_ikey_kernel, logits, k, 32, 2, 4, SCATTER=False)


def bitonic_topk(logits: torch.Tensor, k: int) -> tuple[torch.Tensor, torch.Tensor]:
    weights, ids = _outputs(logits, k)
    n_tokens, n_experts = logits.shape
    if n_tokens == 0:
        return weights, ids
    k_pad = max(2, triton.next_power_of_2(k))  # tl.topk wants a power of two; k=1 -> 2
    block_e = max(k_pad, triton.next_power_of_2(n_experts))
    rows = max(1, min(64, 4096 // block_e))
    _bitonic_kernel[(triton.cdiv(n_tokens, rows),)](
        logits,
        weights,
        ids,
        n_tokens,
        n_experts,
        K=k,
        K_PAD=k_pad,
        ROWS=rows,
        BLOCK_E=block_e,
        EVEN=block_e == n_experts,
        num_warps=4,
    )
    return weights, ids


VARIANTS = {
    "ikey_l8": ikey_l8,
    "ikey_l4": ikey_l4,
    "ikey_l32": ikey_l32,
    "ikey_idx": ikey_idx,
    "bitonic_topk": bitonic_topk,
}


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from bench.gpu_variants import sweep_main

    sweep_main(TASK, VARIANTS, __doc__.splitlines()[0])


if __name__ == "__main__":
    main()
