import torch
import triton
import triton.language as tl


@triton.jit
def _e4m3_bits(y):
    # float32 (|y| <= 448) -> e4m3fn bit pattern, round to nearest even, by integer
    # arithmetic. Used only in Triton's CPU interpreter, whose float8 conversion does
    # not carry a rounded-up mantissa into the exponent; on a GPU the hardware converts.
    a = tl.abs(y)
    bits = a.to(tl.int32, bitcast=True)
    # Normal range: keep 3 of float32's 23 mantissa bits, rounding half to even, then
    # move the exponent bias from 127 to 7 (a carry out of the mantissa is correct).
    normal = ((bits + 0x7FFFF + ((bits >> 20) & 1)) >> 20) - (120 << 3)
    # Below 2**-6, steps of 2**-9: the rounded multiple is the code itself.
    subnormal = ((a * 512.0 + 8388608.0) - 8388608.0).to(tl.int32)
    code = tl.where(a >= 0.015625, normal, subnormal)
    sign = (y.to(tl.int32, bitcast=True) >> 24) & 0x80
    return (code | sign).to(tl.uint8)


@triton.jit
def _quantize_fp8_rows_kernel(
    x_ptr,
    q_ptr,
    scale_ptr,
    n_rows,
    n_cols,
    ROWS: tl.constexpr,
    BLOCK: tl.constexpr,
    BY_HAND: tl.constexpr,
):
    # ROWS whole rows per program, held in registers: one read of x, one write of q.
    rows = tl.program_id(0) * ROWS + tl.arange(0, ROWS)
    cols = tl.arange(0, BLOCK)
    row_ok = rows < n_rows
    mask = row_ok[:, None] & (cols < n_cols)[None, :]
    offs = rows.to(tl.int64)[:, None] * n_cols + cols[None, :]
    x = tl.load(x_ptr + offs, mask=mask, other=0.0).to(tl.float32)
    amax = tl.max(tl.abs(x), axis=1)
    scale = tl.maximum(amax / 448.0, 1e-12)
    y = x / scale[:, None]
    y = tl.minimum(tl.maximum(y, -448.0), 448.0)
    if BY_HAND:
        tl.store(q_ptr + offs, _e4m3_bits(y), mask=mask)
    else:
        tl.store(q_ptr + offs, y.to(q_ptr.dtype.element_ty), mask=mask)
    tl.store(scale_ptr + rows, scale, mask=row_ok)


def solution(x):
    n_rows, n_cols = x.shape
    q = torch.empty((n_rows, n_cols), dtype=torch.float8_e4m3fn, device=x.device)
    scale = torch.empty((n_rows,), dtype=torch.float32, device=x.device)
    if n_rows == 0:
        return q, scale
    block = triton.next_power_of_2(max(n_cols, 1))
    # Several short rows per program; one row per program once rows are long.
    rows = max(1, min(16, 4096 // block))
    warps = 16 if block >= 16384 else (8 if block >= 4096 else 4)
    by_hand = x.device.type == "cpu"  # Triton's CPU interpreter
    grid = (triton.cdiv(n_rows, rows),)
    _quantize_fp8_rows_kernel[grid](
        x,
        q.view(torch.uint8) if by_hand else q,
        scale,
        n_rows,
        n_cols,
        ROWS=rows,
        BLOCK=block,
        BY_HAND=by_hand,
        num_warps=warps,
    )
    return q, scale
