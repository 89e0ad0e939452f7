import torch
import triton
import triton.language as tl


@triton.jit
def _gemm_bias_gelu_kernel(
    a_ptr,
    b_ptr,
    bias_ptr,
    c_ptr,
    M,
    N,
    K,
    stride_am,
    stride_bk,
    stride_cm,
    BLOCK_M: tl.constexpr,
    BLOCK_N: tl.constexpr,
    BLOCK_K: tl.constexpr,
    GROUP_M: tl.constexpr,
    EVEN_K: tl.constexpr,
    DOT_F32: tl.constexpr,
):
    # Grouped launch order: GROUP_M row-tiles in flight share the column-tiles of b (L2).
    pid = tl.program_id(0)
    tiles_m = tl.cdiv(M, BLOCK_M)
    tiles_n = tl.cdiv(N, BLOCK_N)
    per_group = GROUP_M * tiles_n
    first_m = (pid // per_group) * GROUP_M
    group_rows = min(tiles_m - first_m, GROUP_M)
    pid_m = first_m + (pid % per_group) % group_rows
    pid_n = (pid % per_group) // group_rows

    offs_m = pid_m * BLOCK_M + tl.arange(0, BLOCK_M)
    offs_n = pid_n * BLOCK_N + tl.arange(0, BLOCK_N)
    offs_k = tl.arange(0, BLOCK_K)
    # Rows/columns past the edge wrap around (valid memory, unmasked loads); their
    # results are never stored.
    rows_a = tl.max_contiguous(tl.multiple_of(offs_m % M, BLOCK_M), BLOCK_M)
    cols_b = tl.max_contiguous(tl.multiple_of(offs_n % N, BLOCK_N), BLOCK_N)
    a_ptrs = a_ptr + rows_a.to(tl.int64)[:, None] * stride_am + offs_k[None, :]
    b_ptrs = b_ptr + offs_k.to(tl.int64)[:, None] * stride_bk + cols_b[None, :]

    acc = tl.zeros((BLOCK_M, BLOCK_N), dtype=tl.float32)
    for k in range(0, K, BLOCK_K):
        if EVEN_K:
            a = tl.load(a_ptrs)
            b = tl.load(b_ptrs)
        else:
            k_ok = offs_k < K - k
            a = tl.load(a_ptrs, mask=k_ok[None, :], other=0.0)
            b = tl.load(b_ptrs, mask=k_ok[:, None], other=0.0)
        if DOT_F32:
            # Triton's CPU interpreter mishandles bfloat16 tiles in tl.dot; widening first
            # is exact (products of half-precision values fit in float32).
            acc += tl.dot(a.to(tl.float32), b.to(tl.float32))
        else:
            acc += tl.dot(a, b)
        a_ptrs += BLOCK_K
        b_ptrs += BLOCK_K * stride_bk

    bias = tl.load(bias_ptr + offs_n, mask=offs_n < N, other=0.0).to(tl.float32)
    x = acc + bias[None, :]
    # 0.5 * x * (1 + tanh(u)) == x * sigmoid(2u) == x / (1 + exp(-2u)), u = c (x + 0.044715 x^3);
    # exp2 with log2(e) folded in; the exponent is capped (2^126: the result is then
    # within 1e-37 of zero, the correct limit for very negative x).
    u2 = x * (1.5957691216057308 + 0.0713548162726009 * x * x)  # 2u
    out = x / (1.0 + tl.exp2(tl.minimum(-1.4426950408889634 * u2, 126.0)))
    c_ptrs = c_ptr + offs_m.to(tl.int64)[:, None] * stride_cm + offs_n[None, :]
    mask = (offs_m < M)[:, None] & (offs_n < N)[None, :]
    tl.store(c_ptrs, out.to(c_ptr.dtype.element_ty), mask=mask)


def solution(a, b, bias):
    m, k = a.shape
    n = b.shape[1]
    c = torch.empty((m, n), dtype=a.dtype, device=a.device)
    if m == 0 or n == 0 or k == 0:
        return c  # k == 0 is never generated
    if m * n >= 2048 * 2048:
        block_m, block_n, block_k, warps, stages = 128, 256, 64, 8, 3
    else:
        block_m, block_n, block_k, warps, stages = 128, 128, 64, 4, 4
    grid = (triton.cdiv(m, block_m) * triton.cdiv(n, block_n),)
    _gemm_bias_gelu_kernel[grid](
        a,
        b,
        bias,
        c,
        m,
        n,
        k,
        a.stride(0),
        b.stride(0),
        c.stride(0),
        BLOCK_M=block_m,
        BLOCK_N=block_n,
        BLOCK_K=block_k,
        GROUP_M=8,
        EVEN_K=(k % block_k == 0),
        DOT_F32=(a.device.type == "cpu"),
        num_warps=warps,
        num_stages=stages,
    )
    return c
