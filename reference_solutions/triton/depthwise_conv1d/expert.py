import torch
import triton
import triton.language as tl


@triton.jit
def _causal_conv_kernel(
    x_ptr,
    w_ptr,
    b_ptr,
    out_ptr,
    n_rows,
    n_channels,
    length,
    WIDTH: tl.constexpr,
    SILU: tl.constexpr,
    ROWS: tl.constexpr,
    BLOCK_T: tl.constexpr,
):
    # ROWS (batch, channel) rows x BLOCK_T time steps. The WIDTH shifted loads of one
    # tile overlap, so after the first they are served by the cache: x is read from
    # memory about once.
    rows = tl.program_id(0) * ROWS + tl.arange(0, ROWS)
    t = tl.program_id(1) * BLOCK_T + tl.arange(0, BLOCK_T)
    row_ok = rows < n_rows
    chan = rows % n_channels
    base = rows.to(tl.int64)[:, None] * length
    acc = tl.zeros((ROWS, BLOCK_T), dtype=tl.float32)
    acc += tl.load(b_ptr + chan, mask=row_ok, other=0.0).to(tl.float32)[:, None]
    for j in tl.static_range(WIDTH):
        w = tl.load(w_ptr + chan * WIDTH + j, mask=row_ok, other=0.0).to(tl.float32)
        src = t - (WIDTH - 1) + j
        ok = row_ok[:, None] & ((src >= 0) & (src < length))[None, :]
        xv = tl.load(x_ptr + base + src[None, :], mask=ok, other=0.0).to(tl.float32)
        acc += w[:, None] * xv
    if SILU:
        acc = acc / (1.0 + tl.exp(-acc))
    mask = row_ok[:, None] & (t < length)[None, :]
    tl.store(out_ptr + base + t[None, :], acc.to(out_ptr.dtype.element_ty), mask=mask)


def solution(x, weight, bias, silu):
    batch, channels, length = x.shape
    out = torch.empty_like(x)
    if x.numel() == 0:
        return out
    n_rows = batch * channels
    block_t = min(triton.next_power_of_2(length), 1024)
    rows = max(1, 4096 // block_t)
    grid = (triton.cdiv(n_rows, rows), triton.cdiv(length, block_t))
    _causal_conv_kernel[grid](
        x,
        weight,
        bias,
        out,
        n_rows,
        channels,
        length,
        WIDTH=weight.shape[1],
        SILU=bool(silu),
        ROWS=rows,
        BLOCK_T=block_t,
        num_warps=8,
    )
    return out
