import torch
import triton
import triton.language as tl

LOG2E = 1.4426950408889634


@triton.jit
def _paged_decode_kernel(
    q_ptr,
    k_ptr,
    v_ptr,
    table_ptr,
    lens_ptr,
    out_ptr,
    acc_ptr,
    ml_ptr,
    qk_scale,
    heads,
    heads_kv,
    max_blocks,
    block_size,
    part_len,
    GROUP: tl.constexpr,
    GROUP_PAD: tl.constexpr,
    D: tl.constexpr,
    BLOCK_N: tl.constexpr,
    SPLITS: tl.constexpr,
    DOT_F32: tl.constexpr,
):
    # Program (sequence b, kv head, partition): all GROUP query heads that read this kv
    # head, over tokens [split * part_len, (split + 1) * part_len) of the sequence, so
    # each cached key/value row is read once. Online softmax in float32, base 2.
    bh = tl.program_id(0)
    split = tl.program_id(1)
    b = bh // heads_kv
    kvh = bh % heads_kv
    n = tl.load(lens_ptr + b)
    start = split * part_len
    if start >= n:
        return  # an empty partition: the combining kernel skips it
    end = tl.minimum(start + part_len, n)

    offs_g = tl.arange(0, GROUP_PAD)
    offs_d = tl.arange(0, D)
    g_ok = offs_g < GROUP
    head = kvh * GROUP + offs_g
    q_rows = (b * heads + head).to(tl.int64) * D
    q = tl.load(q_ptr + q_rows[:, None] + offs_d[None, :], mask=g_ok[:, None], other=0.0)

    row_stride = heads_kv * D  # elements between consecutive token slots
    table_row = table_ptr + b.to(tl.int64) * max_blocks
    m_i = tl.full([GROUP_PAD], -float("inf"), dtype=tl.float32)
    l_i = tl.zeros([GROUP_PAD], dtype=tl.float32)
    acc = tl.zeros([GROUP_PAD, D], dtype=tl.float32)
    for t0 in range(start, end, BLOCK_N):
        offs_t = t0 + tl.arange(0, BLOCK_N)
        t_ok = offs_t < end
        blk = tl.load(table_row + offs_t // block_size, mask=t_ok, other=0)
        slot = blk.to(tl.int64) * block_size + offs_t % block_size
        kv_off = slot * row_stride + kvh * D
        kt = tl.load(k_ptr + kv_off[None, :] + offs_d[:, None], mask=t_ok[None, :], other=0.0)
        v = tl.load(v_ptr + kv_off[:, None] + offs_d[None, :], mask=t_ok[:, None], other=0.0)
        if DOT_F32:
            s = tl.dot(q.to(tl.float32), kt.to(tl.float32))
        else:
            s = tl.dot(q, kt)
        s = tl.where(t_ok[None, :], s * qk_scale, -float("inf"))
        # Every partition holds at least one valid token in its first step, so m_new is
        # finite from the first step on.
        m_new = tl.maximum(m_i, tl.max(s, axis=1))
        alpha = tl.exp2(m_i - m_new)
        p = tl.exp2(s - m_new[:, None])
        l_i = l_i * alpha + tl.sum(p, axis=1)
        acc = acc * alpha[:, None]
        if DOT_F32:
            acc += tl.dot(p, v.to(tl.float32))
        else:
            acc += tl.dot(p.to(v.dtype), v)
        m_i = m_new

    rows = (b * heads + head).to(tl.int64)
    if SPLITS == 1:
        out = acc / l_i[:, None]
        tl.store(
            out_ptr + rows[:, None] * D + offs_d[None, :],
            out.to(out_ptr.dtype.element_ty),
            mask=g_ok[:, None],
        )
    else:
        part = rows * SPLITS + split  # (B, H, SPLITS) partial (m, l) and (.., D) sums
        tl.store(acc_ptr + part[:, None] * D + offs_d[None, :], acc, mask=g_ok[:, None])
        tl.store(ml_ptr + part * 2, m_i, mask=g_ok)
        tl.store(ml_ptr + part * 2 + 1, l_i, mask=g_ok)


@triton.jit
def _combine_kernel(
    acc_ptr,
    ml_ptr,
    lens_ptr,
    out_ptr,
    heads,
    part_len,
    D: tl.constexpr,
    SPLITS: tl.constexpr,
    SPLITS_PAD: tl.constexpr,
):
    # One program per (b, h): rescale the partitions' partial sums to a common maximum.
    bh = tl.program_id(0)
    b = bh // heads
    n = tl.load(lens_ptr + b)
    used = tl.cdiv(n, part_len)
    offs_s = tl.arange(0, SPLITS_PAD)
    offs_d = tl.arange(0, D)
    s_ok = offs_s < used
    part = bh.to(tl.int64) * SPLITS + offs_s
    m = tl.load(ml_ptr + part * 2, mask=s_ok, other=-float("inf"))
    l_part = tl.load(ml_ptr + part * 2 + 1, mask=s_ok, other=0.0)
    m_max = tl.max(m, axis=0)
    w = tl.exp2(m - m_max)  # 0 for unused partitions
    acc = tl.load(acc_ptr + part[:, None] * D + offs_d[None, :], mask=s_ok[:, None], other=0.0)
    num = tl.sum(acc * w[:, None], axis=0)
    den = tl.sum(l_part * w, axis=0)
    tl.store(out_ptr + bh.to(tl.int64) * D + offs_d, (num / den).to(out_ptr.dtype.element_ty))


def _num_sms(device):
    if device.type == "cuda":
        return torch.cuda.get_device_properties(device).multi_processor_count
    return 2  # Triton's CPU interpreter: few programs run fastest


def solution(q, k_cache, v_cache, block_table, seq_lens, scale):
    batch, heads, dim = q.shape
    _, block_size, heads_kv, _ = k_cache.shape
    max_blocks = block_table.shape[1]
    out = torch.empty_like(q)
    if q.numel() == 0:
        return out
    group = heads // heads_kv
    block_n = 128
    # Partitions of the longest possible sequence: at most 1024 tokens each, and enough
    # of them that (b, kv head, partition) programs fill the machine a few times over.
    max_len = max_blocks * block_size
    want = triton.cdiv(4 * _num_sms(q.device), batch * heads_kv)
    part_len = min(1024, triton.cdiv(max_len, want))
    part_len = max(block_n, triton.cdiv(part_len, block_n) * block_n)
    splits = triton.cdiv(max_len, part_len)
    if splits > 1:
        acc = torch.empty((batch, heads, splits, dim), dtype=torch.float32, device=q.device)
        ml = torch.empty((batch, heads, splits, 2), dtype=torch.float32, device=q.device)
    else:
        acc = ml = out  # unused
    _paged_decode_kernel[(batch * heads_kv, splits)](
        q,
        k_cache,
        v_cache,
        block_table,
        seq_lens,
        out,
        acc,
        ml,
        scale * LOG2E,
        heads,
        heads_kv,
        max_blocks,
        block_size,
        part_len,
        GROUP=group,
        GROUP_PAD=max(16, triton.next_power_of_2(group)),
        D=dim,
        BLOCK_N=block_n,
        SPLITS=splits,
        DOT_F32=(q.device.type == "cpu"),
        num_warps=4,
        num_stages=3,
    )
    if splits > 1:
        _combine_kernel[(batch * heads,)](
            acc,
            ml,
            seq_lens,
            out,
            heads,
            part_len,
            D=dim,
            SPLITS=splits,
            SPLITS_PAD=triton.next_power_of_2(splits),
            num_warps=4,
        )
    return out
