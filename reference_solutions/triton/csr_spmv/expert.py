import torch
import triton
import triton.language as tl

ROWS = 32  # rows per program of the main kernel
LANES = 32  # entries of one row loaded at a time
HEAD = 256  # entries of a row done by the main kernel; the rest goes to the tail kernel
SEGMENT = 4096  # entries per work item of the tail kernel


@triton.jit
def _rows_kernel(
    row_ptr,
    col_ptr,
    val_ptr,
    x_ptr,
    y_ptr,
    counter_ptr,
    item_row_ptr,
    item_seg_ptr,
    n_rows,
    ROWS: tl.constexpr,
    LANES: tl.constexpr,
    HEAD: tl.constexpr,
    SEGMENT: tl.constexpr,
):
    # ROWS consecutive rows, LANES entries of each at a time, up to HEAD entries per
    # row: no program runs longer than HEAD / LANES steps, whatever its rows hold.
    # A longer row's remaining entries are queued as SEGMENT-sized work items.
    rows = tl.program_id(0) * ROWS + tl.arange(0, ROWS)
    row_ok = rows < n_rows
    start = tl.load(row_ptr + rows, mask=row_ok, other=0)
    end = tl.load(row_ptr + rows + 1, mask=row_ok, other=0)
    length = end - start
    head = tl.minimum(length, HEAD)
    lanes = tl.arange(0, LANES)
    acc = tl.zeros((ROWS, LANES), dtype=tl.float32)
    for off in range(0, tl.max(head, axis=0), LANES):
        pos = off + lanes
        ok = pos[None, :] < head[:, None]
        p = start[:, None] + pos[None, :]
        col = tl.load(col_ptr + p, mask=ok, other=0)
        val = tl.load(val_ptr + p, mask=ok, other=0.0)
        acc += val * tl.load(x_ptr + col, mask=ok, other=0.0)
    tl.store(y_ptr + rows, tl.sum(acc, axis=1), mask=row_ok)

    # Work items for the tails: one atomic per program that has any.
    n_seg = tl.where(row_ok, tl.cdiv(tl.maximum(length - HEAD, 0), SEGMENT), 0).to(tl.int32)
    total = tl.sum(n_seg, axis=0)
    if total > 0:
        base = tl.atomic_add(counter_ptr, total)
        first = base + tl.cumsum(n_seg, axis=0) - n_seg
        for j in range(0, tl.max(n_seg, axis=0)):
            todo = j < n_seg
            tl.store(item_row_ptr + first + j, rows, mask=todo)
            tl.store(item_seg_ptr + first + j, tl.zeros_like(n_seg) + j, mask=todo)


@triton.jit
def _tails_kernel(
    row_ptr,
    col_ptr,
    val_ptr,
    x_ptr,
    y_ptr,
    counter_ptr,
    item_row_ptr,
    item_seg_ptr,
    HEAD: tl.constexpr,
    SEGMENT: tl.constexpr,
):
    # A fixed set of programs shares the queued segments; each adds its partial sum to
    # its row's y (after the main kernel wrote the row's head sum).
    n_items = tl.load(counter_ptr)
    lanes = tl.arange(0, SEGMENT)
    for item in range(tl.program_id(0), n_items, tl.num_programs(0)):
        row = tl.load(item_row_ptr + item)
        seg = tl.load(item_seg_ptr + item)
        first = tl.load(row_ptr + row) + HEAD + seg.to(tl.int64) * SEGMENT
        end = tl.load(row_ptr + row + 1)
        p = first + lanes
        ok = p < end
        col = tl.load(col_ptr + p, mask=ok, other=0)
        val = tl.load(val_ptr + p, mask=ok, other=0.0)
        part = tl.sum(val * tl.load(x_ptr + col, mask=ok, other=0.0), axis=0)
        tl.atomic_add(y_ptr + row, part)


def solution(row_ptr, col_idx, values, x):
    n_rows = row_ptr.numel() - 1
    nnz = values.numel()
    y = torch.empty((n_rows,), dtype=torch.float32, device=x.device)
    if n_rows == 0:
        return y
    counter = torch.zeros((1,), dtype=torch.int32, device=x.device)
    capacity = nnz // SEGMENT + nnz // HEAD + 1  # at least the number of tail segments
    item_row = torch.empty((capacity,), dtype=torch.int32, device=x.device)
    item_seg = torch.empty((capacity,), dtype=torch.int32, device=x.device)
    args = (row_ptr, col_idx, values, x, y, counter, item_row, item_seg)
    _rows_kernel[(triton.cdiv(n_rows, ROWS),)](
        *args, n_rows, ROWS=ROWS, LANES=LANES, HEAD=HEAD, SEGMENT=SEGMENT, num_warps=4
    )
    if x.device.type == "cuda":
        programs = 8 * torch.cuda.get_device_properties(x.device).multi_processor_count
    else:
        programs = 4  # Triton's CPU interpreter
    _tails_kernel[(programs,)](*args, HEAD=HEAD, SEGMENT=SEGMENT, num_warps=8)
    return y
