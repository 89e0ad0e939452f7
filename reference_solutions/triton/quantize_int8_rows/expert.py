import torch
import triton
import triton.language as tl

# Adding and subtracting 1.5 * 2**23 rounds a float32 of magnitude below 2**22 to an
# integer, half-way cases to even (the float32 addition itself rounds to nearest even).
_ROUND_MAGIC = tl.constexpr(12582912.0)


@triton.jit
def _quantize_rows_kernel(
    x_ptr, q_ptr, scale_ptr, n_rows, n_cols, ROWS: tl.constexpr, BLOCK: tl.constexpr
):
    # ROWS whole rows per program, held in registers: one read of x, one write of q.
    rows = tl.program_id(0) * ROWS + tl.arange(0, ROWS)
    cols = tl.arange(0, BLOCK)
    row_ok = rows < n_rows
    mask = row_ok[:, None] & (cols < n_cols)[None, :]
    offs = rows.to(tl.int64)[:, None] * n_cols + cols[None, :]
    x = tl.load(x_ptr + offs, mask=mask, other=0.0).to(tl.float32)
    amax = tl.max(tl.abs(x), axis=1)
    scale = tl.where(amax > 0, amax / 127.0, 1.0)
    y = x / scale[:, None]
    y = (y + _ROUND_MAGIC) - _ROUND_MAGIC
    y = tl.minimum(tl.maximum(y, -127.0), 127.0)
    tl.store(q_ptr + offs, y.to(tl.int8), mask=mask)
    tl.store(scale_ptr + rows, scale, mask=row_ok)


def solution(x):
    n_rows, n_cols = x.shape
    q = torch.empty((n_rows, n_cols), dtype=torch.int8, device=x.device)
    scale = torch.empty((n_rows,), dtype=torch.float32, device=x.device)
    if n_rows == 0:
        return q, scale
    block = triton.next_power_of_2(max(n_cols, 1))
    # Several short rows per program; one row per program once rows are long.
    rows = max(1, min(16, 4096 // block))
    warps = 16 if block >= 16384 else (8 if block >= 4096 else 4)
    grid = (triton.cdiv(n_rows, rows),)
    _quantize_rows_kernel[grid](
        x, q, scale, n_rows, n_cols, ROWS=rows, BLOCK=block, num_warps=warps
    )
    return q, scale
