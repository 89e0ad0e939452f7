import math

import torch
import triton
import triton.language as tl


@triton.jit
def _adamw_kernel(
    p_ptr,
    g_ptr,
    m_ptr,
    v_ptr,
    p_out,
    m_out,
    v_out,
    n,
    beta1,
    beta2,
    decay,
    step_size,
    inv_sqrt_bc2,
    eps,
    BLOCK: tl.constexpr,
):
    start = tl.program_id(0).to(tl.int64) * BLOCK
    offs = start + tl.arange(0, BLOCK)
    mask = offs < n
    p = tl.load(p_ptr + offs, mask=mask, other=0.0)
    g = tl.load(g_ptr + offs, mask=mask, other=0.0)
    m = tl.load(m_ptr + offs, mask=mask, other=0.0)
    v = tl.load(v_ptr + offs, mask=mask, other=0.0)
    m = beta1 * m + (1.0 - beta1) * g
    v = beta2 * v + (1.0 - beta2) * (g * g)
    denom = tl.sqrt(v) * inv_sqrt_bc2 + eps
    p = p * decay - step_size * m / denom
    tl.store(p_out + offs, p, mask=mask)
    tl.store(m_out + offs, m, mask=mask)
    tl.store(v_out + offs, v, mask=mask)


def solution(param, grad, exp_avg, exp_avg_sq, lr, beta1, beta2, eps, weight_decay, step):
    param, grad = param.contiguous(), grad.contiguous()
    exp_avg, exp_avg_sq = exp_avg.contiguous(), exp_avg_sq.contiguous()
    p_new, m_new, v_new = (torch.empty_like(param) for _ in range(3))
    n = param.numel()
    if n == 0:
        return (p_new, m_new, v_new)
    # Scalars of the step, computed once on the host (plain Python floats).
    step_size = lr / (1 - beta1**step)
    inv_sqrt_bc2 = 1.0 / math.sqrt(1 - beta2**step)
    block = 2048
    grid = (triton.cdiv(n, block),)
    _adamw_kernel[grid](
        param, grad, exp_avg, exp_avg_sq, p_new, m_new, v_new, n, beta1, beta2,
        1 - lr * weight_decay, step_size, inv_sqrt_bc2, eps, BLOCK=block, num_warps=8,
    )  # fmt: skip
    return (p_new, m_new, v_new)
