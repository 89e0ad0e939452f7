import torch
import triton
import triton.language as tl


@triton.jit
def _add_rms_norm_kernel(
    x_ptr,
    res_ptr,
    w_ptr,
    out_ptr,
    h_ptr,
    n_rows,
    n_cols,
    eps,
    ROWS: tl.constexpr,
    BLOCK: tl.constexpr,
):
    # ROWS whole rows per program, held in registers: x and residual read once, h and
    # out written once.
    rows = tl.program_id(0) * ROWS + tl.arange(0, ROWS)
    cols = tl.arange(0, BLOCK)
    col_ok = cols < n_cols
    mask = (rows < n_rows)[:, None] & col_ok[None, :]
    offs = rows.to(tl.int64)[:, None] * n_cols + cols[None, :]
    x = tl.load(x_ptr + offs, mask=mask, other=0.0).to(tl.float32)
    r = tl.load(res_ptr + offs, mask=mask, other=0.0).to(tl.float32)
    h = (x + r).to(h_ptr.dtype.element_ty)
    tl.store(h_ptr + offs, h, mask=mask)
    hf = h.to(tl.float32)
    rstd = 1.0 / tl.sqrt(tl.sum(hf * hf, axis=1) / n_cols + eps)
    w = tl.load(w_ptr + cols, mask=col_ok, other=0.0).to(tl.float32)
    out = hf * rstd[:, None] * w[None, :]
    tl.store(out_ptr + offs, out.to(out_ptr.dtype.element_ty), mask=mask)


def solution(x, residual, weight, eps):
    n_rows, n_cols = x.shape
    out = torch.empty_like(x)
    h = torch.empty_like(x)
    if x.numel() == 0:
        return out, h
    block = triton.next_power_of_2(n_cols)
    rows = max(1, min(16, 2048 // block))
    warps = 16 if block >= 8192 else (8 if block >= 2048 else 4)
    _add_rms_norm_kernel[(triton.cdiv(n_rows, rows),)](
        x, residual, weight, out, h, n_rows, n_cols, eps, ROWS=rows, BLOCK=block, num_warps=warps
    )
    return out, h
