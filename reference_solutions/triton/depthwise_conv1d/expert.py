import torch
import triton
import triton.language as tl

# A program's tile: ROWS (batch, channel) rows x BLOCK_T time steps, TILE elements in
# all: 32 per thread with 4 warps, 64 bytes of bf16 in flight per thread, ~128 KB per SM
# at full occupancy (44 registers). One row per tile where the row is long enough, so the
# filter taps are uniform scalars. Read at call time, so a tuning run may override them.
TILE = 4096
BLOCK_T_MAX = 4096
WARPS = 4


@triton.jit
def _shift(cur, prev, S: tl.constexpr):
    # The signal S steps back at each position of cur ([R, C, V]: V consecutive steps in
    # one thread's registers), prev holding the V steps before each chunk; 0 <= S <= V.
    # Even/odd halving down to single steps: only splits, joins and reshapes of the
    # thread's own registers, so the taps cost no load and no data movement.
    V: tl.constexpr = cur.shape[2]
    if S == 0:
        return cur
    elif S == V:
        return prev
    else:
        R: tl.constexpr = cur.shape[0]
        C: tl.constexpr = cur.shape[1]
        ce, co = tl.split(tl.reshape(cur, [R, C, V // 2, 2]))
        pe, po = tl.split(tl.reshape(prev, [R, C, V // 2, 2]))
        if S % 2 == 0:
            even = _shift(ce, pe, S // 2)
            odd = _shift(co, po, S // 2)
        else:
            even = _shift(co, po, S // 2 + 1)
            odd = _shift(ce, pe, S // 2)
        return tl.reshape(tl.join(even, odd), [R, C, V])


@triton.jit
def _causal_conv_kernel(
    x_ptr,
    w_ptr,
    b_ptr,
    out_ptr,
    n_rows,
    n_channels,
    length,
    WIDTH: tl.constexpr,
    SILU: tl.constexpr,
    ROWS: tl.constexpr,
    CHUNKS: tl.constexpr,
    VEC: tl.constexpr,
    EVEN: tl.constexpr,
):
    # x is read with aligned 16-byte loads only: the tile itself, plus the chunk before
    # each chunk (and the one before that when WIDTH - 1 > VEC), which is the
    # neighbouring thread's data and so comes from L1. The taps are register shuffles
    # (_shift), so x moves from memory about once and the instruction count per output
    # stays low enough for the kernel to be bandwidth-bound.
    rows = tl.program_id(0) * ROWS + tl.arange(0, ROWS)
    t0 = tl.program_id(1) * (CHUNKS * VEC)
    t = t0 + tl.arange(0, CHUNKS)[:, None] * VEC + tl.arange(0, VEC)[None, :]
    t = t[None, :, :]
    row_ok = rows < n_rows
    chan = rows % n_channels
    offs = rows.to(tl.int64)[:, None, None] * length + t
    r_ok = row_ok[:, None, None]
    if EVEN:  # no partial tile anywhere: no masks but the causal start
        cur = tl.load(x_ptr + offs).to(tl.float32)
    else:
        cur = tl.load(x_ptr + offs, mask=r_ok & (t < length), other=0.0).to(tl.float32)
    if WIDTH > 1:
        ok = t >= VEC
        if not EVEN:
            ok = ok & r_ok & (t < length + VEC)
        prev = tl.load(x_ptr + offs - VEC, mask=ok, other=0.0).to(tl.float32)
    if WIDTH - 1 > VEC:
        ok = t >= 2 * VEC
        if not EVEN:
            ok = ok & r_ok & (t < length + 2 * VEC)
        prev2 = tl.load(x_ptr + offs - 2 * VEC, mask=ok, other=0.0).to(tl.float32)
    bias = tl.load(b_ptr + chan, mask=row_ok, other=0.0).to(tl.float32)
    acc = tl.zeros((ROWS, CHUNKS, VEC), dtype=tl.float32) + bias[:, None, None]
    for j in tl.static_range(WIDTH):
        w = tl.load(w_ptr + chan * WIDTH + j, mask=row_ok, other=0.0).to(tl.float32)
        if j == WIDTH - 1:  # tap j reads the signal WIDTH - 1 - j steps back
            xs = cur
        elif WIDTH - 1 - j <= VEC:
            xs = _shift(cur, prev, WIDTH - 1 - j)
        else:
            xs = _shift(prev, prev2, WIDTH - 1 - j - VEC)
        acc += w[:, None, None] * xs
    if SILU:
        acc = acc / (1.0 + tl.exp(-acc))
    y = acc.to(out_ptr.dtype.element_ty)
    if EVEN:
        tl.store(out_ptr + offs, y)
    else:
        tl.store(out_ptr + offs, y, mask=r_ok & (t < length))


def solution(x, weight, bias, silu):
    batch, channels, length = x.shape
    out = torch.empty_like(x)
    if x.numel() == 0:
        return out
    n_rows = batch * channels
    vec = 16 // x.element_size()
    block_t = max(min(triton.next_power_of_2(length), BLOCK_T_MAX), vec)
    rows = max(1, TILE // block_t)
    even = length % block_t == 0 and n_rows % rows == 0
    grid = (triton.cdiv(n_rows, rows), triton.cdiv(length, block_t))
    _causal_conv_kernel[grid](
        x,
        weight,
        bias,
        out,
        n_rows,
        channels,
        length,
        WIDTH=weight.shape[1],
        SILU=bool(silu),
        ROWS=rows,
        CHUNKS=block_t // vec,
        VEC=vec,
        EVEN=even,
        num_warps=WARPS,
    )
    return out
