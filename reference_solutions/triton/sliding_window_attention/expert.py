import torch
import triton
import triton.language as tl

LOG2E = 1.4426950408889634
# Per head size: (BLOCK_M, BLOCK_N, num_warps, num_stages), picked so that two programs
# fit on one SM (registers: <= 128 a thread with 8 warps, <= 255 with 4; shared memory:
# q + num_stages K/V blocks <= ~113 KB). Within one program the warps meet at a barrier
# every key block, so the tensor cores idle while the softmax runs; independent programs
# on one SM overlap one's softmax with another's matrix products. BLOCK_M = 64 doubles
# the K/V traffic from L2 against 128 but measured faster on the H200 (largest level
# 1.43 ms against 1.88 ms, bench/results/gpu_tasks40_h200.md). Read at call time, so a
# tuning run may override it.
CONFIGS = {64: (64, 128, 4, 2), 128: (64, 64, 4, 3)}
HEAVY_FIRST = True


@triton.jit
def _attend_block(
    acc,
    m_i,
    l_i,
    q,
    k_ptr,
    v_ptr,
    offs_m,
    offs_d,
    start_n,
    seq_len,
    window,
    qk_scale,
    D: tl.constexpr,
    BLOCK_N: tl.constexpr,
    STAGE: tl.constexpr,
    DOT_F32: tl.constexpr,
):
    # One key/value block: online-softmax update of (acc, m_i, l_i), m_i in base-2 units.
    # STAGE 0: every key is inside every query's window, no mask. STAGE 1: keys below the
    # diagonal near the window's trailing edge. STAGE 2: the diagonal blocks (and the
    # sequence's end), where the window's edge may also fall when it is short.
    offs_n = start_n + tl.arange(0, BLOCK_N)
    if STAGE == 2:
        kv_ok = offs_n < seq_len
        kt = tl.load(k_ptr + offs_n[None, :] * D + offs_d[:, None], mask=kv_ok[None, :], other=0.0)
        v = tl.load(v_ptr + offs_n[:, None] * D + offs_d[None, :], mask=kv_ok[:, None], other=0.0)
    else:
        kt = tl.load(k_ptr + offs_n[None, :] * D + offs_d[:, None])
        v = tl.load(v_ptr + offs_n[:, None] * D + offs_d[None, :])
    if DOT_F32:
        s = tl.dot(q.to(tl.float32), kt.to(tl.float32))
    else:
        s = tl.dot(q, kt)
    if STAGE == 0:
        m_new = tl.maximum(m_i, tl.max(s, axis=1) * qk_scale)
        s = s * qk_scale - m_new[:, None]  # one FMA per score
    else:
        # A large finite penalty instead of -inf: a row with no key in this block gets a
        # reference point near -1e6, and the first real key later rescales everything
        # gathered so far by exp2(-1e6 - m) = 0 (every stored row sees its own key).
        diff = offs_m[:, None] - offs_n[None, :]  # i - j
        if STAGE == 1:
            keep = diff < window
        else:
            keep = (diff >= 0) & (diff < window)
        s = s * qk_scale + tl.where(keep, 0.0, -1.0e6)
        m_new = tl.maximum(m_i, tl.max(s, axis=1))
        s = s - m_new[:, None]
    p = tl.exp2(s)
    alpha = tl.exp2(m_i - m_new)
    l_i = l_i * alpha + tl.sum(p, axis=1)
    acc = acc * alpha[:, None]
    if DOT_F32:
        acc = tl.dot(p, v.to(tl.float32), acc)
    else:
        acc = tl.dot(p.to(v.dtype), v, acc)
    return acc, m_new, l_i


@triton.jit
def _window_attention_kernel(
    q_ptr,
    k_ptr,
    v_ptr,
    out_ptr,
    seq_len,
    window,
    qk_scale,
    D: tl.constexpr,
    BLOCK_M: tl.constexpr,
    BLOCK_N: tl.constexpr,
    HEAVY_FIRST: tl.constexpr,
    DOT_F32: tl.constexpr,
):
    # FlashAttention-2 forward restricted to the key blocks inside the window. Axis 0 is
    # the query block, so the neighbouring blocks of one head, which read overlapping key
    # ranges, run side by side (L2 reuse); the last (fullest, when the window is long)
    # query blocks go first so that the light ones fill the tail of the launch.
    pid_m = tl.program_id(0)
    if HEAVY_FIRST:
        pid_m = tl.num_programs(0) - 1 - pid_m
    start_m = pid_m * BLOCK_M
    head = tl.program_id(1).to(tl.int64)
    base = head * seq_len * D
    q_ptr += base
    k_ptr += base
    v_ptr += base
    out_ptr += base
    offs_m = start_m + tl.arange(0, BLOCK_M)
    offs_d = tl.arange(0, D)
    row_ok = offs_m < seq_len
    q = tl.load(q_ptr + offs_m[:, None] * D + offs_d[None, :], mask=row_ok[:, None], other=0.0)

    m_i = tl.full([BLOCK_M], -1.0e6, dtype=tl.float32)
    l_i = tl.zeros([BLOCK_M], dtype=tl.float32)
    acc = tl.zeros([BLOCK_M, D], dtype=tl.float32)
    # Key blocks that any query of this block can see: [lo, hi). Of those, the blocks in
    # [full_lo, full_hi) lie inside every query's window and need no mask; below them
    # the window's trailing edge, above them the diagonal and the sequence's end.
    lo = tl.maximum(start_m - window + 1, 0) // BLOCK_N * BLOCK_N
    hi = tl.minimum(start_m + BLOCK_M, seq_len)
    full_hi = tl.minimum(start_m, seq_len) // BLOCK_N * BLOCK_N
    full_lo = tl.cdiv(tl.maximum(start_m + BLOCK_M - window, 0), BLOCK_N) * BLOCK_N
    full_lo = tl.minimum(tl.maximum(full_lo, lo), full_hi)
    full_hi = tl.maximum(full_hi, full_lo)
    for start_n in range(lo, full_lo, BLOCK_N):
        acc, m_i, l_i = _attend_block(
            acc, m_i, l_i, q, k_ptr, v_ptr, offs_m, offs_d, start_n, seq_len, window,
            qk_scale, D, BLOCK_N, 1, DOT_F32,
        )  # fmt: skip
    for start_n in range(full_lo, full_hi, BLOCK_N):
        acc, m_i, l_i = _attend_block(
            acc, m_i, l_i, q, k_ptr, v_ptr, offs_m, offs_d, start_n, seq_len, window,
            qk_scale, D, BLOCK_N, 0, DOT_F32,
        )  # fmt: skip
    for start_n in range(full_hi, hi, BLOCK_N):
        acc, m_i, l_i = _attend_block(
            acc, m_i, l_i, q, k_ptr, v_ptr, offs_m, offs_d, start_n, seq_len, window,
            qk_scale, D, BLOCK_N, 2, DOT_F32,
        )  # fmt: skip
    # Each row sees at least its own key, so l_i >= 1 for every stored row.
    out = acc / l_i[:, None]
    tl.store(
        out_ptr + offs_m[:, None] * D + offs_d[None, :],
        out.to(out_ptr.dtype.element_ty),
        mask=row_ok[:, None],
    )


def solution(q, k, v, window):
    batch, heads, seq_len, dim = q.shape
    out = torch.empty_like(q)
    if q.numel() == 0:
        return out
    block_m, block_n, warps, stages = CONFIGS[dim]
    qk_scale = dim**-0.5 * LOG2E  # fold log2(e) in: exp2 downstream
    grid = (triton.cdiv(seq_len, block_m), batch * heads)
    _window_attention_kernel[grid](
        q,
        k,
        v,
        out,
        seq_len,
        window,
        qk_scale,
        D=dim,
        BLOCK_M=block_m,
        BLOCK_N=block_n,
        HEAVY_FIRST=HEAVY_FIRST,
        DOT_F32=(q.device.type == "cpu"),
        num_warps=warps,
        num_stages=stages,
    )
    return out
