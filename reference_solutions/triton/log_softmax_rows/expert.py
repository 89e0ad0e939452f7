import torch
import triton
import triton.language as tl

# Read at call time: the widest row one program holds (wider rows are split into
# segments of SEG values, one program each), and the warps of a segment's program.
WHOLE_ROW_MAX = 16384
SEG = 8192
SEG_WARPS = 8
# How often a segment's program looks for its siblings' statistics before it reads
# the whole row itself (never, in practice, on a GPU: the siblings are its neighbours
# in launch order; at once in the interpreter, which runs programs one at a time).
MAX_POLLS_GPU = 1 << 14


@triton.jit
def _log_softmax_short_kernel(
    x_ptr, out_ptr, n_rows, n_cols, ROWS: tl.constexpr, BLOCK: tl.constexpr
):
    # ROWS whole rows per program, held in registers: one read, one write.
    rows = tl.program_id(0) * ROWS + tl.arange(0, ROWS)
    cols = tl.arange(0, BLOCK)
    row_ok = rows < n_rows
    mask = row_ok[:, None] & (cols[None, :] < n_cols)
    offs = rows.to(tl.int64)[:, None] * n_cols + cols[None, :]
    x = tl.load(x_ptr + offs, mask=mask, other=-float("inf")).to(tl.float32)
    row_max = tl.where(row_ok, tl.max(x, axis=1), 0.0)
    z = x - row_max[:, None]
    total = tl.where(row_ok, tl.sum(tl.exp(z), axis=1), 1.0)
    out = z - tl.log(total)[:, None]
    tl.store(out_ptr + offs, out.to(out_ptr.dtype.element_ty), mask=mask)


@triton.jit
def _log_softmax_split_kernel(
    x_ptr, out_ptr, sync_ptr, n_cols, n_segs, max_polls, SEG: tl.constexpr, SEGS: tl.constexpr
):
    # Program (row, segment) holds SEG values of a long row in registers, so the row is
    # read once (a two-pass row would be read twice: 1.5x the bytes) and every
    # multiprocessor streams, however few the rows. The segment's maximum m and sum of
    # exp(x - m), packed in one 64-bit word, go to the row's slot seg + 1 of sync (slot
    # 0 counts the words written); once the count is full, each program combines the
    # words into the row's maximum and sum and writes its segment. A row's programs are
    # neighbours in launch order, so they run at about the same time and the wait is
    # short. The count is read by atomics, whose (scalar) result every thread of the
    # program shares, so that all warps agree on when to stop waiting.
    pid = tl.program_id(0)
    row = pid // n_segs
    seg = pid - row * n_segs
    base = row.to(tl.int64) * n_cols
    cols = seg * SEG + tl.arange(0, SEG)
    ok = cols < n_cols
    x = tl.load(x_ptr + base + cols, mask=ok, other=-float("inf")).to(tl.float32)
    m = tl.max(x, axis=0)
    s = tl.sum(tl.exp(x - m), axis=0)
    sync = sync_ptr + row * (n_segs + 1)
    word = (m.to(tl.int32, bitcast=True).to(tl.int64) << 32) | s.to(tl.int32, bitcast=True)
    tl.atomic_xchg(sync + 1 + seg, word, sem="relaxed")
    count = tl.atomic_add(sync, 1, sem="release") + 1
    polls = 0
    while (count < n_segs) & (polls < max_polls):
        count = tl.atomic_add(sync, 0, sem="acquire")
        polls += 1
    idx = tl.arange(0, SEGS)
    there = idx < n_segs
    words = tl.load(sync + 1 + idx, mask=there, other=0, volatile=True)
    m_seg = tl.where(there, (words >> 32).to(tl.int32).to(tl.float32, bitcast=True), -float("inf"))
    s_seg = tl.where(there, (words & 0x7FFFFFFF).to(tl.int32).to(tl.float32, bitcast=True), 0.0)
    row_max = tl.max(m_seg, axis=0)
    row_sum = tl.sum(s_seg * tl.exp(m_seg - row_max), axis=0)
    # Siblings that did not show up in time (the interpreter runs programs one at a
    # time): the row's maximum and sum from the row itself.
    missing = count < n_segs
    # (In quarter segments, to stay within the registers of the normal path.)
    fb_max = tl.max(tl.full([SEG // 4], -1e30, dtype=tl.float32), axis=0)
    fb_sum = tl.sum(tl.zeros([SEG // 4], dtype=tl.float32), axis=0)
    for start in range(0, tl.where(missing, n_cols, 0), SEG // 4):
        c = start + tl.arange(0, SEG // 4)
        y = tl.load(x_ptr + base + c, mask=c < n_cols, other=-float("inf")).to(tl.float32)
        new_max = tl.maximum(fb_max, tl.max(y, axis=0))
        fb_sum = fb_sum * tl.exp(fb_max - new_max) + tl.sum(tl.exp(y - new_max), axis=0)
        fb_max = new_max
    row_max = tl.where(missing, fb_max, row_max)
    row_sum = tl.where(missing, fb_sum, row_sum)
    out = (x - row_max) - tl.log(row_sum)
    tl.store(out_ptr + base + cols, out.to(out_ptr.dtype.element_ty), mask=ok)


def solution(x):
    n_rows, n_cols = x.shape
    out = torch.empty_like(x)
    if x.numel() == 0:
        return out
    block = triton.next_power_of_2(n_cols)
    if block <= WHOLE_ROW_MAX:
        # Several short rows per program; one row per program once rows are long.
        rows = max(1, min(16, 4096 // block))
        warps = 16 if block >= 8192 else (8 if block >= 2048 else 4)
        _log_softmax_short_kernel[(triton.cdiv(n_rows, rows),)](
            x, out, n_rows, n_cols, ROWS=rows, BLOCK=block, num_warps=warps
        )
    else:
        n_segs = triton.cdiv(n_cols, SEG)
        sync = torch.zeros((n_rows * (n_segs + 1),), dtype=torch.int64, device=x.device)
        max_polls = MAX_POLLS_GPU if x.is_cuda else 0
        _log_softmax_split_kernel[(n_rows * n_segs,)](
            x,
            out,
            sync,
            n_cols,
            n_segs,
            max_polls,
            SEG=SEG,
            SEGS=triton.next_power_of_2(n_segs),
            num_warps=SEG_WARPS,
        )
    return out
