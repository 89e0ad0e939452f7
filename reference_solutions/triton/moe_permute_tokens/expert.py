import torch
import triton
import triton.language as tl

CHUNK = 1024  # flattened (token, slot) pairs per block of the histogram and the ranks
SUB = 64  # pairs handled at once inside a block


@triton.jit
def _block_histogram_kernel(
    ids_ptr,
    hist_ptr,
    n_pairs,
    n_experts,
    CHUNK: tl.constexpr,
    SUB: tl.constexpr,
    E_PAD: tl.constexpr,
):
    # hist[block, e] = pairs of this block routed to expert e.
    block = tl.program_id(0)
    experts = tl.arange(0, E_PAD)
    counts = tl.zeros((E_PAD,), dtype=tl.int32)
    for start in range(0, CHUNK, SUB):
        pair = block * CHUNK + start + tl.arange(0, SUB)
        e = tl.load(ids_ptr + pair, mask=pair < n_pairs, other=E_PAD)
        counts += tl.sum((e[:, None] == experts[None, :]).to(tl.int32), axis=0)
    tl.store(hist_ptr + block * E_PAD + experts, counts)


@triton.jit
def _scan_kernel(
    hist_ptr,
    offsets_ptr,
    counts_ptr,
    n_blocks,
    n_experts,
    SB: tl.constexpr,
    E_PAD: tl.constexpr,
):
    # One program. offsets[block, e] = (pairs of experts < e) + (pairs of expert e in
    # earlier blocks): where each block's first pair of expert e goes.
    experts = tl.arange(0, E_PAD)
    totals = tl.zeros((E_PAD,), dtype=tl.int32)
    for start in range(0, n_blocks, SB):
        blocks = start + tl.arange(0, SB)
        h = tl.load(
            hist_ptr + blocks[:, None] * E_PAD + experts[None, :],
            mask=(blocks < n_blocks)[:, None],
            other=0,
        )
        totals += tl.sum(h, axis=0)
    tl.store(counts_ptr + experts, totals.to(tl.int64), mask=experts < n_experts)
    carry = tl.cumsum(totals, axis=0) - totals
    for start in range(0, n_blocks, SB):
        blocks = start + tl.arange(0, SB)
        ptrs = blocks[:, None] * E_PAD + experts[None, :]
        ok = (blocks < n_blocks)[:, None]
        h = tl.load(hist_ptr + ptrs, mask=ok, other=0)
        tl.store(offsets_ptr + ptrs, carry[None, :] + tl.cumsum(h, axis=0) - h, mask=ok)
        carry += tl.sum(h, axis=0)


@triton.jit
def _destination_kernel(
    ids_ptr,
    offsets_ptr,
    dest_ptr,
    n_pairs,
    CHUNK: tl.constexpr,
    SUB: tl.constexpr,
    E_PAD: tl.constexpr,
):
    # dest[pair] = the row of permuted that the pair fills: its block's offset for its
    # expert plus the number of earlier pairs of the block with the same expert.
    block = tl.program_id(0)
    experts = tl.arange(0, E_PAD)
    next_row = tl.load(offsets_ptr + block * E_PAD + experts)
    for start in range(0, CHUNK, SUB):
        pair = block * CHUNK + start + tl.arange(0, SUB)
        ok = pair < n_pairs
        e = tl.load(ids_ptr + pair, mask=ok, other=E_PAD)
        hit = (e[:, None] == experts[None, :]).to(tl.int32)
        before = tl.cumsum(hit, axis=0) - hit  # earlier pairs of this SUB, same expert
        dest = tl.sum(hit * (before + next_row[None, :]), axis=1)
        tl.store(dest_ptr + pair, dest, mask=ok)
        next_row += tl.sum(hit, axis=0)


@triton.jit
def _scatter_rows_kernel(
    h_ptr,
    dest_ptr,
    out_ptr,
    n_tokens,
    dim,
    K: tl.constexpr,
    ROWS: tl.constexpr,
    BLOCK_D: tl.constexpr,
):
    # ROWS tokens x BLOCK_D features: read once, written to each of the K destinations.
    tokens = tl.program_id(0) * ROWS + tl.arange(0, ROWS)
    d = tl.program_id(1) * BLOCK_D + tl.arange(0, BLOCK_D)
    tok_ok = tokens < n_tokens
    mask = tok_ok[:, None] & (d < dim)[None, :]
    tokens64 = tokens.to(tl.int64)
    x = tl.load(h_ptr + tokens64[:, None] * dim + d[None, :], mask=mask)
    for s in tl.static_range(K):
        row = tl.load(dest_ptr + tokens64 * K + s, mask=tok_ok, other=0).to(tl.int64)
        tl.store(out_ptr + row[:, None] * dim + d[None, :], x, mask=mask)


def solution(h, ids, n_experts):
    n_tokens, dim = h.shape
    k = ids.shape[1]
    n_pairs = n_tokens * k
    permuted = torch.empty((n_pairs, dim), dtype=h.dtype, device=h.device)
    counts = torch.empty((n_experts,), dtype=torch.int64, device=h.device)
    e_pad = triton.next_power_of_2(n_experts)
    n_blocks = max(1, triton.cdiv(n_pairs, CHUNK))
    hist = torch.empty((n_blocks, e_pad), dtype=torch.int32, device=h.device)
    offsets = torch.empty((n_blocks, e_pad), dtype=torch.int32, device=h.device)
    dest = torch.empty((max(n_pairs, 1),), dtype=torch.int32, device=h.device)
    _block_histogram_kernel[(n_blocks,)](
        ids, hist, n_pairs, n_experts, CHUNK=CHUNK, SUB=SUB, E_PAD=e_pad, num_warps=4
    )
    _scan_kernel[(1,)](
        hist,
        offsets,
        counts,
        n_blocks,
        n_experts,
        SB=max(1, 4096 // e_pad),
        E_PAD=e_pad,
        num_warps=4,
    )
    if n_pairs == 0 or dim == 0:
        return permuted, counts
    _destination_kernel[(n_blocks,)](
        ids, offsets, dest, n_pairs, CHUNK=CHUNK, SUB=SUB, E_PAD=e_pad, num_warps=4
    )
    block_d = min(triton.next_power_of_2(dim), 512)
    rows = max(1, 4096 // block_d)
    grid = (triton.cdiv(n_tokens, rows), triton.cdiv(dim, block_d))
    _scatter_rows_kernel[grid](
        h, dest, permuted, n_tokens, dim, K=k, ROWS=rows, BLOCK_D=block_d, num_warps=4
    )
    return permuted, counts
