"""MoE dispatch: a stable counting sort of the (token, slot) pairs by expert, then one
read of every hidden row and one write per copy.

The index work is three small kernels with no long serial loop: per-block expert
histograms (CHUNK pairs per block), one program per expert scanning its column of
blocks, and per-block destinations (the expert's start + earlier blocks + earlier
pairs of this block). The copy kernel reads a tile of ROWS token rows once and loads
all their K destinations before its first store, so every store can issue at once
instead of waiting on a destination load (the compiler cannot move a load above a
store it might alias).
"""

import torch
import triton
import triton.language as tl

CHUNK = 256  # pairs per block of the histogram and the destinations
ONE_HOT = 8192  # pairs x experts compared at once
TILE_BYTES = 8192  # hidden-state bytes read per copy program
BLOCK_D = 512  # widest column block of a copy program
NUM_WARPS = 4


@triton.jit
def _histogram_kernel(
    ids_ptr, hist_ptr, n_pairs, n_experts, n_blocks,
    CHUNK: tl.constexpr, SUB: tl.constexpr, E_PAD: tl.constexpr,
):  # fmt: skip
    # hist[e, block] = pairs of this block routed to expert e (expert-major for the scan).
    block = tl.program_id(0)
    experts = tl.arange(0, E_PAD)
    counts = tl.zeros((E_PAD,), dtype=tl.int32)
    for start in tl.static_range(0, CHUNK, SUB):
        pair = block * CHUNK + start + tl.arange(0, SUB)
        e = tl.load(ids_ptr + pair, mask=pair < n_pairs, other=E_PAD)
        counts += tl.sum((e[:, None] == experts[None, :]).to(tl.int32), axis=0)
    tl.store(hist_ptr + experts * n_blocks + block, counts, mask=experts < n_experts)


@triton.jit
def _expert_scan_kernel(hist_ptr, before_ptr, total_ptr, counts_ptr, n_blocks,
                        NB_PAD: tl.constexpr):  # fmt: skip
    # One program per expert: before[e, block] = its pairs in earlier blocks; the total.
    e = tl.program_id(0)
    blocks = tl.arange(0, NB_PAD)
    ok = blocks < n_blocks
    h = tl.load(hist_ptr + e * n_blocks + blocks, mask=ok, other=0)
    tl.store(before_ptr + e * n_blocks + blocks, tl.cumsum(h, axis=0) - h, mask=ok)
    total = tl.sum(h, axis=0)
    tl.store(total_ptr + e, total)
    tl.store(counts_ptr + e, total.to(tl.int64))


@triton.jit
def _destination_kernel(
    ids_ptr, before_ptr, total_ptr, dest_ptr, n_pairs, n_experts, n_blocks,
    CHUNK: tl.constexpr, SUB: tl.constexpr, E_PAD: tl.constexpr,
):  # fmt: skip
    # dest[pair] = start of its expert + its expert's pairs in earlier blocks + earlier
    # pairs of this block with the same expert (pairs in (token, slot) order: stable).
    block = tl.program_id(0)
    experts = tl.arange(0, E_PAD)
    e_ok = experts < n_experts
    totals = tl.load(total_ptr + experts, mask=e_ok, other=0)
    next_row = tl.cumsum(totals, axis=0) - totals
    next_row += tl.load(before_ptr + experts * n_blocks + block, mask=e_ok, other=0)
    for start in tl.static_range(0, CHUNK, SUB):
        pair = block * CHUNK + start + tl.arange(0, SUB)
        ok = pair < n_pairs
        e = tl.load(ids_ptr + pair, mask=ok, other=E_PAD)
        hit = (e[:, None] == experts[None, :]).to(tl.int32)
        before = tl.cumsum(hit, axis=0) - hit  # earlier pairs of this SUB, same expert
        tl.store(dest_ptr + pair, tl.sum(hit * (before + next_row[None, :]), axis=1), mask=ok)
        next_row += tl.sum(hit, axis=0)


@triton.jit
def _copy_kernel(
    h_ptr, dest_ptr, out_ptr, n_tokens, dim,
    K: tl.constexpr, K_PAD: tl.constexpr, ROWS: tl.constexpr, BLOCK_D: tl.constexpr,
):  # fmt: skip
    # ROWS tokens x BLOCK_D features: read once, written to each of the K destinations.
    tokens = tl.program_id(0) * ROWS + tl.arange(0, ROWS)
    tok_ok = tokens < n_tokens
    tokens64 = tokens.to(tl.int64)
    slots = tl.arange(0, K_PAD)
    dest = tl.load(dest_ptr + tokens64[:, None] * K + slots[None, :],
                   mask=tok_ok[:, None] & (slots < K)[None, :], other=0)  # fmt: skip
    d = tl.program_id(1) * BLOCK_D + tl.arange(0, BLOCK_D)
    mask = tok_ok[:, None] & (d < dim)[None, :]
    x = tl.load(h_ptr + tokens64[:, None] * dim + d[None, :], mask=mask)
    for s in tl.static_range(K):
        row = tl.sum(tl.where(slots[None, :] == s, dest, 0), axis=1).to(tl.int64)
        tl.store(out_ptr + row[:, None] * dim + d[None, :], x, mask=mask)


def solution(h, ids, n_experts):
    n_tokens, dim = h.shape
    k = ids.shape[1]
    n_pairs = n_tokens * k
    dev = h.device
    permuted = torch.empty((n_pairs, dim), dtype=h.dtype, device=dev)
    counts = torch.empty((n_experts,), dtype=torch.int64, device=dev)
    e_pad = triton.next_power_of_2(n_experts)
    sub = min(CHUNK, max(16, ONE_HOT // e_pad))
    n_blocks = max(1, triton.cdiv(n_pairs, CHUNK))
    hist = torch.empty((n_experts, n_blocks), dtype=torch.int32, device=dev)
    before = torch.empty_like(hist)
    totals = torch.empty((n_experts,), dtype=torch.int32, device=dev)
    dest = torch.empty((max(n_pairs, 1),), dtype=torch.int32, device=dev)
    _histogram_kernel[(n_blocks,)](ids, hist, n_pairs, n_experts, n_blocks, CHUNK=CHUNK, SUB=sub,
                                   E_PAD=e_pad, num_warps=8)  # fmt: skip
    nb_pad = triton.next_power_of_2(n_blocks)
    _expert_scan_kernel[(n_experts,)](hist, before, totals, counts, n_blocks, NB_PAD=nb_pad,
                                      num_warps=4)  # fmt: skip
    if n_pairs == 0 or dim == 0:
        return permuted, counts
    _destination_kernel[(n_blocks,)](ids, before, totals, dest, n_pairs, n_experts, n_blocks,
                                     CHUNK=CHUNK, SUB=sub, E_PAD=e_pad, num_warps=8)  # fmt: skip
    block_d = min(triton.next_power_of_2(dim), BLOCK_D)
    rows = max(1, TILE_BYTES // (block_d * h.element_size()))
    grid = (triton.cdiv(n_tokens, rows), triton.cdiv(dim, block_d))
    _copy_kernel[grid](h, dest, permuted, n_tokens, dim, K=k, K_PAD=triton.next_power_of_2(k),
                       ROWS=rows, BLOCK_D=block_d, num_warps=NUM_WARPS)  # fmt: skip
    return permuted, counts
