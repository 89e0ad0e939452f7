import torch
import triton
import triton.language as tl

IGNORE = -100
# Read at call time: every row is split into segments of SEG values, one program each
# (SEG_WARPS warps), held in registers.
SEG = 8192
SEG_WARPS = 8
# How often a segment's program looks for its siblings' statistics before it reads
# the whole row itself (never, in practice, on a GPU: the siblings are its neighbours
# in launch order; at once in the interpreter, which runs programs one at a time).
MAX_POLLS_GPU = 1 << 14


@triton.jit
def _count_valid_kernel(targets_ptr, count_ptr, n_rows, BLOCK: tl.constexpr):
    # One program: the number of rows whose target is not ignored.
    idx = tl.arange(0, BLOCK)
    acc = tl.zeros([BLOCK], dtype=tl.int32)
    for start in range(0, n_rows, BLOCK):
        t = tl.load(targets_ptr + start + idx, mask=start + idx < n_rows, other=-100)
        acc += (t != -100).to(tl.int32)
    tl.store(count_ptr, tl.sum(acc, axis=0))


@triton.jit
def _ce_backward_split_kernel(
    logits_ptr,
    targets_ptr,
    count_ptr,
    grad_ptr,
    sync_ptr,
    n_cols,
    n_segs,
    max_polls,
    SEG: tl.constexpr,
    SEGS: tl.constexpr,
):
    # Program (row, segment) holds SEG logits of a row in registers, so a row is read
    # once (a two-pass row would be read twice, mostly from memory once hundreds of
    # 100-250 KB rows are in flight) and every multiprocessor streams, however few and
    # wide the rows. The segment's maximum m and sum of exp(x - m), packed in one
    # 64-bit word, go to the row's slot seg + 1 of sync (slot 0 counts the words
    # written); once the count is full, each program combines the words into the row's
    # maximum and sum and writes its segment of the gradient. A row's programs are
    # neighbours in launch order, so they run at about the same time and the wait is
    # short. The count is read by atomics, whose (scalar) result every thread of the
    # program shares, so that all warps agree on when to stop waiting. An ignored row
    # reads nothing (its loads are masked off), waits for nothing and writes zeros.
    pid = tl.program_id(0)
    row = pid // n_segs
    seg = pid - row * n_segs
    target = tl.load(targets_ptr + row)
    valid = target != -100
    base = row.to(tl.int64) * n_cols
    first = seg * SEG
    cols = first + tl.arange(0, SEG)
    ok = cols < n_cols
    n_read = tl.where(valid, n_cols, 0)  # an ignored row's loads are all masked off
    x = tl.load(logits_ptr + base + cols, mask=cols < n_read, other=-float("inf")).to(tl.float32)
    m = tl.where(valid, tl.max(x, axis=0), 0.0)
    s = tl.sum(tl.exp(x - m), axis=0)
    sync = sync_ptr + row * (n_segs + 1)
    word = (m.to(tl.int32, bitcast=True).to(tl.int64) << 32) | s.to(tl.int32, bitcast=True)
    tl.atomic_xchg(sync + 1 + seg, word, mask=valid, sem="relaxed")
    count = tl.atomic_add(sync, 1, mask=valid, sem="release") + 1
    polls = 0
    while valid & (count < n_segs) & (polls < max_polls):
        count = tl.atomic_add(sync, 0, sem="acquire")
        polls += 1
    idx = tl.arange(0, SEGS)
    there = idx < tl.where(valid, n_segs, 0)
    words = tl.load(sync + 1 + idx, mask=there, other=0, volatile=True)
    m_seg = tl.where(there, (words >> 32).to(tl.int32).to(tl.float32, bitcast=True), -1e30)
    s_seg = tl.where(there, (words & 0x7FFFFFFF).to(tl.int32).to(tl.float32, bitcast=True), 0.0)
    row_max = tl.max(m_seg, axis=0)
    row_sum = tl.sum(s_seg * tl.exp(m_seg - row_max), axis=0)
    # Siblings that did not show up in time (the interpreter runs programs one at a
    # time): the row's maximum and sum from the row itself, in quarter segments to stay
    # within the registers of the normal path.
    missing = valid & (count < n_segs)
    fb_max = tl.max(tl.full([SEG // 4], -1e30, dtype=tl.float32), axis=0)
    fb_sum = tl.sum(tl.zeros([SEG // 4], dtype=tl.float32), axis=0)
    for start in range(0, tl.where(missing, n_cols, 0), SEG // 4):
        c = start + tl.arange(0, SEG // 4)
        y = tl.load(logits_ptr + base + c, mask=c < n_cols, other=-float("inf")).to(tl.float32)
        new_max = tl.maximum(fb_max, tl.max(y, axis=0))
        fb_sum = fb_sum * tl.exp(fb_max - new_max) + tl.sum(tl.exp(y - new_max), axis=0)
        fb_max = new_max
    row_max = tl.where(missing, fb_max, row_max)
    row_sum = tl.where(missing, fb_sum, row_sum)
    scale = tl.where(valid, 1.0 / tl.load(count_ptr).to(tl.float32), 0.0)
    hit = tl.arange(0, SEG) == (target - first).to(tl.int32)  # the target, if here
    g = tl.exp(x - row_max) * (scale / tl.where(valid, row_sum, 1.0)) - tl.where(hit, scale, 0.0)
    g = tl.where(valid, g, 0.0)
    tl.store(grad_ptr + base + cols, g.to(grad_ptr.dtype.element_ty), mask=ok)


def solution(logits, targets):
    n_rows, n_cols = logits.shape
    grad = torch.empty_like(logits)
    if logits.numel() == 0:
        return grad
    count = torch.empty((1,), dtype=torch.int32, device=logits.device)
    # All targets in one load (M <= 4096): one memory round trip, not one per block.
    _count_valid_kernel[(1,)](
        targets, count, n_rows, BLOCK=min(4096, triton.next_power_of_2(n_rows)), num_warps=8
    )
    seg = min(SEG, triton.next_power_of_2(n_cols))
    n_segs = triton.cdiv(n_cols, seg)
    sync = torch.zeros((n_rows * (n_segs + 1),), dtype=torch.int64, device=logits.device)
    max_polls = MAX_POLLS_GPU if logits.is_cuda else 0
    warps = SEG_WARPS if seg == SEG else max(1, min(SEG_WARPS, seg // 1024))
    _ce_backward_split_kernel[(n_rows * n_segs,)](
        logits,
        targets,
        count,
        grad,
        sync,
        n_cols,
        n_segs,
        max_polls,
        SEG=seg,
        SEGS=triton.next_power_of_2(n_segs),
        num_warps=warps,
    )
    return grad
