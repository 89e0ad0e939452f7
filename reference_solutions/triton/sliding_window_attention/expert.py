import torch
import triton
import triton.language as tl

LOG2E = 1.4426950408889634


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
    MASKED: tl.constexpr,
    DOT_F32: tl.constexpr,
):
    # One key/value block: online-softmax update of (acc, m_i, l_i).
    offs_n = start_n + tl.arange(0, BLOCK_N)
    if MASKED:
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
    s = s * qk_scale  # base-2 logits
    if MASKED:
        diff = offs_m[:, None] - offs_n[None, :]  # i - j
        keep = (diff >= 0) & (diff < window) & kv_ok[None, :]
        s = tl.where(keep, s, -float("inf"))
        m_new = tl.maximum(m_i, tl.max(s, axis=1))
        # A row may see no key of this block yet: keep its reference point finite.
        m_ref = tl.where(m_new == -float("inf"), 0.0, m_new)
    else:
        m_new = tl.maximum(m_i, tl.max(s, axis=1))
        m_ref = m_new
    alpha = tl.exp2(m_i - m_ref)
    p = tl.exp2(s - m_ref[:, None])
    l_i = l_i * alpha + tl.sum(p, axis=1)
    acc = acc * alpha[:, None]
    if DOT_F32:
        acc += tl.dot(p, v.to(tl.float32))
    else:
        acc += tl.dot(p.to(v.dtype), v)
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
    DOT_F32: tl.constexpr,
):
    # Axis 0 is the query block, so the neighbouring blocks of one head, which read
    # overlapping key ranges, run side by side (L2 reuse).
    start_m = tl.program_id(0) * BLOCK_M
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

    m_i = tl.full([BLOCK_M], -float("inf"), dtype=tl.float32)
    l_i = tl.zeros([BLOCK_M], dtype=tl.float32)
    acc = tl.zeros([BLOCK_M, D], dtype=tl.float32)
    # Key blocks that any query of this block can see: [lo, hi). Of those, the blocks in
    # [full_lo, full_hi) lie inside every query's window and need no mask; the rest
    # (window's trailing edge, the diagonal, the sequence's end) do.
    lo = tl.maximum(start_m - window + 1, 0) // BLOCK_N * BLOCK_N
    hi = tl.minimum(start_m + BLOCK_M, seq_len)
    full_hi = tl.minimum(start_m, seq_len // BLOCK_N * BLOCK_N)
    full_lo = tl.cdiv(tl.maximum(start_m + BLOCK_M - window, 0), BLOCK_N) * BLOCK_N
    full_lo = tl.minimum(tl.maximum(full_lo, lo), full_hi)
    full_hi = tl.maximum(full_hi, full_lo)
    for start_n in range(lo, full_lo, BLOCK_N):
        acc, m_i, l_i = _attend_block(
            acc, m_i, l_i, q, k_ptr, v_ptr, offs_m, offs_d, start_n, seq_len, window,
            qk_scale, D, BLOCK_N, True, DOT_F32,
        )  # fmt: skip
    for start_n in range(full_lo, full_hi, BLOCK_N):
        acc, m_i, l_i = _attend_block(
            acc, m_i, l_i, q, k_ptr, v_ptr, offs_m, offs_d, start_n, seq_len, window,
            qk_scale, D, BLOCK_N, False, DOT_F32,
        )  # fmt: skip
    for start_n in range(full_hi, hi, BLOCK_N):
        acc, m_i, l_i = _attend_block(
            acc, m_i, l_i, q, k_ptr, v_ptr, offs_m, offs_d, start_n, seq_len, window,
            qk_scale, D, BLOCK_N, True, DOT_F32,
        )  # fmt: skip
    # Each row sees at least its own key, so l_i > 0 for every stored row.
    l_i = tl.where(row_ok, l_i, 1.0)
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
    block_m = 128
    block_n = 64 if dim == 128 else 128
    warps = 8
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
        DOT_F32=(q.device.type == "cpu"),
        num_warps=warps,
        num_stages=3,
    )
    return out
