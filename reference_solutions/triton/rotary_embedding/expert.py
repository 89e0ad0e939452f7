import torch
import triton
import triton.language as tl


@triton.jit
def _rope_kernel(
    q_ptr,
    cos_ptr,
    sin_ptr,
    out_ptr,
    n_rows,
    seq_len,
    HALF: tl.constexpr,
    BLOCK_H: tl.constexpr,
    ROWS: tl.constexpr,
):
    # A row is one (batch, head, position) vector of length 2 * HALF.
    rows = tl.program_id(0) * ROWS + tl.arange(0, ROWS)
    cols = tl.arange(0, BLOCK_H)
    mask = (rows < n_rows)[:, None] & (cols < HALF)[None, :]
    pos = rows % seq_len
    q_off = rows.to(tl.int64)[:, None] * (2 * HALF) + cols[None, :]
    t_off = pos[:, None] * HALF + cols[None, :]
    x1 = tl.load(q_ptr + q_off, mask=mask, other=0.0).to(tl.float32)
    x2 = tl.load(q_ptr + q_off + HALF, mask=mask, other=0.0).to(tl.float32)
    c = tl.load(cos_ptr + t_off, mask=mask, other=0.0)
    s = tl.load(sin_ptr + t_off, mask=mask, other=0.0)
    ty = out_ptr.dtype.element_ty
    tl.store(out_ptr + q_off, (x1 * c - x2 * s).to(ty), mask=mask)
    tl.store(out_ptr + q_off + HALF, (x2 * c + x1 * s).to(ty), mask=mask)


def solution(q, cos, sin):
    q, cos, sin = q.contiguous(), cos.contiguous(), sin.contiguous()
    out = torch.empty_like(q)
    if q.numel() == 0:
        return out
    seq_len, head_dim = q.shape[-2], q.shape[-1]
    half = head_dim // 2
    n_rows = q.numel() // head_dim
    block_h = triton.next_power_of_2(half)
    rows = max(1, 2048 // block_h)
    grid = (triton.cdiv(n_rows, rows),)
    _rope_kernel[grid](
        q, cos, sin, out, n_rows, seq_len, HALF=half, BLOCK_H=block_h, ROWS=rows, num_warps=8
    )
    return out
