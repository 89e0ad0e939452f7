import torch
import triton
import triton.language as tl

# Tile shape (read at call time): at least TILE_ELEMS elements of x a step (several
# narrow rows), PER_THREAD elements of a tile per thread.
TILE_ELEMS = 4096
PER_THREAD = 8


@triton.jit
def _rms_backward_rows_kernel(
    x_ptr,
    w_ptr,
    dy_ptr,
    dx_ptr,
    part_dw_ptr,
    n_rows,
    n_cols,
    rows_per_program,
    eps,
    ROWS: tl.constexpr,
    BLOCK: tl.constexpr,
):
    # Each program walks its own band of rows, ROWS whole rows at a time in registers:
    # dx is written as it goes; the band's column sums of dy * x * rstd stay in
    # registers until one store of partial sums at the end. The loop is software
    # pipelined by hand: the next tile's x and dy are loaded before this tile's
    # reductions, so every program always has a tile of loads in flight (x and dy
    # bypass L1, read once, so that w, loaded again every step rather than held in
    # registers, stays there).
    pid = tl.program_id(0)
    cols = tl.arange(0, BLOCK)
    col_ok = cols < n_cols
    acc_dw = tl.zeros([ROWS, BLOCK], dtype=tl.float32)
    first = pid * rows_per_program
    last = tl.minimum(first + rows_per_program, n_rows)
    rows = first + tl.arange(0, ROWS)
    offs = rows.to(tl.int64)[:, None] * n_cols + cols[None, :]
    mask = (rows < last)[:, None] & col_ok[None, :]
    x_next = tl.load(x_ptr + offs, mask=mask, other=0.0, cache_modifier=".cg")
    dy_next = tl.load(dy_ptr + offs, mask=mask, other=0.0, cache_modifier=".cg")
    for start in range(first, last, ROWS):
        x = x_next.to(tl.float32)
        dy = dy_next.to(tl.float32)
        rows = start + tl.arange(0, ROWS)
        offs = rows.to(tl.int64)[:, None] * n_cols + cols[None, :]
        mask = (rows < last)[:, None] & col_ok[None, :]
        mask_next = (rows + ROWS < last)[:, None] & col_ok[None, :]
        offs_next = offs + ROWS * n_cols
        x_next = tl.load(x_ptr + offs_next, mask=mask_next, other=0.0, cache_modifier=".cg")
        dy_next = tl.load(dy_ptr + offs_next, mask=mask_next, other=0.0, cache_modifier=".cg")
        w = tl.load(w_ptr + cols, mask=col_ok, other=0.0).to(tl.float32)
        rstd = 1.0 / tl.sqrt(tl.sum(x * x, axis=1) / n_cols + eps)
        xhat = x * rstd[:, None]
        # The column sum first: dy is then dead once g is formed, which keeps the live
        # set (next tile, the accumulator, xhat, g) small.
        acc_dw += dy * xhat
        g = dy * w[None, :]
        c = tl.sum(g * xhat, axis=1) / n_cols
        dx = (g - xhat * c[:, None]) * rstd[:, None]
        tl.store(dx_ptr + offs, dx.to(dx_ptr.dtype.element_ty), mask=mask)
    tl.store(part_dw_ptr + pid * n_cols + cols, tl.sum(acc_dw, axis=0), mask=col_ok)


@triton.jit
def _column_sum_kernel(
    part_ptr, out_ptr, n_parts, n_cols, PARTS: tl.constexpr, BLOCK_N: tl.constexpr
):
    # Second stage: all the per-band partial sums (n_parts <= PARTS) of BLOCK_N columns
    # in one load, so the loads are in flight together.
    cols = tl.program_id(0) * BLOCK_N + tl.arange(0, BLOCK_N)
    parts = tl.arange(0, PARTS)
    col_ok = cols < n_cols
    mask = (parts < n_parts)[:, None] & col_ok[None, :]
    part = tl.load(part_ptr + parts[:, None] * n_cols + cols[None, :], mask=mask, other=0.0)
    tl.store(out_ptr + cols, tl.sum(part, axis=0), mask=col_ok)


def _multiprocessors(device):
    if device.type == "cuda":
        return torch.cuda.get_device_properties(device).multi_processor_count
    return 4  # Triton's CPU interpreter


def solution(x, weight, dy, eps):
    n_rows, n_cols = x.shape
    dx = torch.empty_like(x)
    if x.numel() == 0:
        return dx, torch.zeros((n_cols,), dtype=torch.float32, device=x.device)
    dweight = torch.empty((n_cols,), dtype=torch.float32, device=x.device)
    block = triton.next_power_of_2(n_cols)
    rows = max(1, min(16, TILE_ELEMS // block))
    warps = min(32, max(4, rows * block // (32 * PER_THREAD)))
    # The live set of a step (next tile of x and dy, the accumulator, xhat and g) takes
    # ~8 registers per tile element a thread: 64 at 8 elements, so one program of 32
    # warps or two of 16 fill a multiprocessor's registers in one wave. Each program
    # walks a band of rows, so the partial sums (n_parts x N float32) stay small.
    slots = max(1, 256 // (warps * PER_THREAD))
    n_parts = min(triton.cdiv(n_rows, rows), slots * _multiprocessors(x.device))
    rows_per_program = triton.cdiv(triton.cdiv(n_rows, n_parts), rows) * rows
    n_parts = triton.cdiv(n_rows, rows_per_program)
    part_dw = torch.empty((n_parts, n_cols), dtype=torch.float32, device=x.device)
    _rms_backward_rows_kernel[(n_parts,)](
        x,
        weight,
        dy,
        dx,
        part_dw,
        n_rows,
        n_cols,
        rows_per_program,
        eps,
        ROWS=rows,
        BLOCK=block,
        num_warps=warps,
    )
    parts = triton.next_power_of_2(n_parts)
    block_n = max(1, min(block, 4096 // parts))
    _column_sum_kernel[(triton.cdiv(n_cols, block_n),)](
        part_dw, dweight, n_parts, n_cols, PARTS=parts, BLOCK_N=block_n, num_warps=4
    )
    return dx, dweight
