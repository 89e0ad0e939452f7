import torch
import triton
import triton.language as tl

# Tile shape (read at call time): at least TILE_ELEMS elements of x a step (several
# narrow rows), PER_THREAD elements of a tile per thread.
TILE_ELEMS = 8192
PER_THREAD = 8


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
):
    # Each program walks its own band of rows, ROWS whole rows at a time in registers:
    # dx is written as it goes, and the band's column sums of dy * xhat and dy stay in
    # registers until one store of partial sums at the end. The loop is software
    # pipelined by hand: the next tile's x, dy, mean and rstd are loaded before this
    # tile's reductions, so every program always has a tile of loads in flight (x and
    # dy bypass L1, read once, so that w, loaded again every step rather than held in
    # registers, stays there).
    pid = tl.program_id(0)
    cols = tl.arange(0, BLOCK)
    col_ok = cols < n_cols
    acc_dw = tl.zeros([ROWS, BLOCK], dtype=tl.float32)
    acc_db = tl.zeros([ROWS, BLOCK], dtype=tl.float32)
    first = pid * rows_per_program
    last = tl.minimum(first + rows_per_program, n_rows)
    rows = first + tl.arange(0, ROWS)
    row_ok = rows < last
    offs = rows.to(tl.int64)[:, None] * n_cols + cols[None, :]
    mask = row_ok[:, None] & col_ok[None, :]
    x_next = tl.load(x_ptr + offs, mask=mask, other=0.0, cache_modifier=".cg")
    dy_next = tl.load(dy_ptr + offs, mask=mask, other=0.0, cache_modifier=".cg")
    mu_next = tl.load(mean_ptr + rows, mask=row_ok, other=0.0)
    rs_next = tl.load(rstd_ptr + rows, mask=row_ok, other=0.0)
    for start in range(first, last, ROWS):
        x = x_next.to(tl.float32)
        dy = dy_next.to(tl.float32)
        mu = mu_next
        rs = rs_next
        rows = start + tl.arange(0, ROWS)
        offs = rows.to(tl.int64)[:, None] * n_cols + cols[None, :]
        mask = (rows < last)[:, None] & col_ok[None, :]
        row_ok = rows + ROWS < last
        mask_next = row_ok[:, None] & col_ok[None, :]
        offs_next = offs + ROWS * n_cols
        x_next = tl.load(x_ptr + offs_next, mask=mask_next, other=0.0, cache_modifier=".cg")
        dy_next = tl.load(dy_ptr + offs_next, mask=mask_next, other=0.0, cache_modifier=".cg")
        mu_next = tl.load(mean_ptr + rows + ROWS, mask=row_ok, other=0.0)
        rs_next = tl.load(rstd_ptr + rows + ROWS, mask=row_ok, other=0.0)
        w = tl.load(w_ptr + cols, mask=col_ok, other=0.0).to(tl.float32)
        xhat = tl.where(mask, (x - mu[:, None]) * rs[:, None], 0.0)
        # The column sums first: dy is then dead once g is formed, which keeps the
        # live set (next tile, two accumulators, xhat, g) within the register file.
        acc_dw += dy * xhat
        acc_db += dy
        g = dy * w[None, :]
        c1 = tl.sum(xhat * g, axis=1) / n_cols
        c2 = tl.sum(g, axis=1) / n_cols
        dx = (g - xhat * c1[:, None] - c2[:, None]) * rs[:, None]
        tl.store(dx_ptr + offs, dx.to(dx_ptr.dtype.element_ty), mask=mask)
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
    # Second stage: all the per-band partial sums (n_parts <= PARTS) of BLOCK_N columns
    # in one load each, so the loads are in flight together.
    cols = tl.program_id(0) * BLOCK_N + tl.arange(0, BLOCK_N)
    parts = tl.arange(0, PARTS)
    col_ok = cols < n_cols
    mask = (parts < n_parts)[:, None] & col_ok[None, :]
    offs = parts[:, None] * n_cols + cols[None, :]
    part_dw = tl.load(part_dw_ptr + offs, mask=mask, other=0.0)
    part_db = tl.load(part_db_ptr + offs, mask=mask, other=0.0)
    tl.store(dw_ptr + cols, tl.sum(part_dw, axis=0), mask=col_ok)
    tl.store(db_ptr + cols, tl.sum(part_db, axis=0), mask=col_ok)


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
    rows = max(1, min(16, TILE_ELEMS // block))
    warps = min(32, max(4, rows * block // (32 * PER_THREAD)))
    # The live set of a step (next tile of x and dy, two accumulators, xhat and g) takes
    # ~8 registers per tile element a thread: 64 at 8 elements, so one program of 32
    # warps or two of 16 fill a multiprocessor's registers in one wave. Each program
    # walks a band of rows, so the partial sums (n_parts x N float32) stay small.
    slots = max(1, 256 // (warps * PER_THREAD))
    n_parts = min(triton.cdiv(n_rows, rows), slots * _multiprocessors(x.device))
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
        num_warps=warps,
    )
    parts = triton.next_power_of_2(n_parts)
    block_n = max(1, min(block, 4096 // parts))
    _column_sums_kernel[(triton.cdiv(n_cols, block_n),)](
        part_dw, part_db, dweight, dbias, n_parts, n_cols, PARTS=parts, BLOCK_N=block_n, num_warps=4
    )
    return dx, dweight, dbias
