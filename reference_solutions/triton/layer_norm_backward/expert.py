import torch
import triton
import triton.language as tl


@triton.jit
def _ln_backward_rows_kernel(
    x_ptr,
    w_ptr,
    dy_ptr,
    mean_ptr,
    rstd_ptr,
    dx_ptr,
    part_dw_ptr,
    part_db_ptr,
    n_rows,
    n_cols,
    rows_per_program,
    ROWS: tl.constexpr,
    BLOCK: tl.constexpr,
    PREFETCH: tl.constexpr,
):
    # Each program walks its own band of rows (ROWS at a time, whole rows in registers):
    # dx is written as it goes, and the band's column sums of dy * xhat and dy stay in
    # registers until one store of partial sums at the end.
    pid = tl.program_id(0)
    cols = tl.arange(0, BLOCK)
    col_ok = cols < n_cols
    w = tl.load(w_ptr + cols, mask=col_ok, other=0.0).to(tl.float32)
    acc_dw = tl.zeros([ROWS, BLOCK], dtype=tl.float32)
    acc_db = tl.zeros([ROWS, BLOCK], dtype=tl.float32)
    first = pid * rows_per_program
    last = tl.minimum(first + rows_per_program, n_rows)
    if PREFETCH:  # the first tile, loaded ahead of the loop
        rows = first + tl.arange(0, ROWS)
        offs = rows.to(tl.int64)[:, None] * n_cols + cols[None, :]
        mask = (rows < last)[:, None] & col_ok[None, :]
        x_next = tl.load(x_ptr + offs, mask=mask, other=0.0)
        dy_next = tl.load(dy_ptr + offs, mask=mask, other=0.0)
    for start in range(first, last, ROWS):
        rows = start + tl.arange(0, ROWS)
        row_ok = rows < last
        mask = row_ok[:, None] & col_ok[None, :]
        offs = rows.to(tl.int64)[:, None] * n_cols + cols[None, :]
        if PREFETCH:
            # The next tile's loads are issued before this tile's reductions, so the
            # memory system always has a tile in flight.
            x = x_next.to(tl.float32)
            dy = dy_next.to(tl.float32)
            mask_next = (rows + ROWS < last)[:, None] & col_ok[None, :]
            x_next = tl.load(x_ptr + offs + ROWS * n_cols, mask=mask_next, other=0.0)
            dy_next = tl.load(dy_ptr + offs + ROWS * n_cols, mask=mask_next, other=0.0)
        else:
            x = tl.load(x_ptr + offs, mask=mask, other=0.0).to(tl.float32)
            dy = tl.load(dy_ptr + offs, mask=mask, other=0.0).to(tl.float32)
        mu = tl.load(mean_ptr + rows, mask=row_ok, other=0.0)
        rs = tl.load(rstd_ptr + rows, mask=row_ok, other=0.0)
        xhat = tl.where(mask, (x - mu[:, None]) * rs[:, None], 0.0)
        g = dy * w[None, :]
        c1 = tl.sum(xhat * g, axis=1) / n_cols
        c2 = tl.sum(g, axis=1) / n_cols
        dx = (g - xhat * c1[:, None] - c2[:, None]) * rs[:, None]
        tl.store(dx_ptr + offs, dx.to(dx_ptr.dtype.element_ty), mask=mask)
        acc_dw += dy * xhat
        acc_db += dy
    out = pid * n_cols + cols
    tl.store(part_dw_ptr + out, tl.sum(acc_dw, axis=0), mask=col_ok)
    tl.store(part_db_ptr + out, tl.sum(acc_db, axis=0), mask=col_ok)


@triton.jit
def _column_sums_kernel(
    part_dw_ptr,
    part_db_ptr,
    dw_ptr,
    db_ptr,
    n_parts,
    n_cols,
    PARTS: tl.constexpr,
    BLOCK_N: tl.constexpr,
):
    # Second stage: add up the per-band partial sums of BLOCK_N columns.
    cols = tl.program_id(0) * BLOCK_N + tl.arange(0, BLOCK_N)
    col_ok = cols < n_cols
    acc_dw = tl.zeros([PARTS, BLOCK_N], dtype=tl.float32)
    acc_db = tl.zeros([PARTS, BLOCK_N], dtype=tl.float32)
    for start in range(0, n_parts, PARTS):
        parts = start + tl.arange(0, PARTS)
        mask = (parts < n_parts)[:, None] & col_ok[None, :]
        offs = parts[:, None] * n_cols + cols[None, :]
        acc_dw += tl.load(part_dw_ptr + offs, mask=mask, other=0.0)
        acc_db += tl.load(part_db_ptr + offs, mask=mask, other=0.0)
    tl.store(dw_ptr + cols, tl.sum(acc_dw, axis=0), mask=col_ok)
    tl.store(db_ptr + cols, tl.sum(acc_db, axis=0), mask=col_ok)


def _multiprocessors(device):
    if device.type == "cuda":
        return torch.cuda.get_device_properties(device).multi_processor_count
    return 4  # Triton's CPU interpreter


def solution(x, weight, dy, mean, rstd):
    n_rows, n_cols = x.shape
    dx = torch.empty_like(x)
    if x.numel() == 0:
        dweight = torch.zeros((n_cols,), dtype=torch.float32, device=x.device)
        return dx, dweight, torch.zeros_like(dweight)
    dweight = torch.empty((n_cols,), dtype=torch.float32, device=x.device)
    dbias = torch.empty((n_cols,), dtype=torch.float32, device=x.device)
    block = triton.next_power_of_2(n_cols)
    rows = max(1, min(16, 4096 // block))
    warps = 16 if block >= 8192 else (8 if block >= 2048 else 4)
    # Loading the next tile early pays where two tiles of x and dy fit in registers
    # next to the accumulators (up to 16 KB a tile); wide float32 rows would spill.
    prefetch = rows * block * x.element_size() <= 16384
    # About two bands per multiprocessor: enough programs to fill the GPU, few enough
    # that the partial sums (n_parts x N float32, twice) stay small next to x and dy.
    n_parts = min(triton.cdiv(n_rows, rows), 2 * _multiprocessors(x.device))
    rows_per_program = triton.cdiv(triton.cdiv(n_rows, n_parts), rows) * rows
    n_parts = triton.cdiv(n_rows, rows_per_program)
    part_dw = torch.empty((n_parts, n_cols), dtype=torch.float32, device=x.device)
    part_db = torch.empty((n_parts, n_cols), dtype=torch.float32, device=x.device)
    _ln_backward_rows_kernel[(n_parts,)](
        x,
        weight,
        dy,
        mean,
        rstd,
        dx,
        part_dw,
        part_db,
        n_rows,
        n_cols,
        rows_per_program,
        ROWS=rows,
        BLOCK=block,
        PREFETCH=prefetch,
        num_warps=warps,
    )
    block_n = min(64, block)
    _column_sums_kernel[(triton.cdiv(n_cols, block_n),)](
        part_dw, part_db, dweight, dbias, n_parts, n_cols, PARTS=32, BLOCK_N=block_n, num_warps=4
    )
    return dx, dweight, dbias
