import torch
import triton
import triton.language as tl


def solution(
    param: torch.Tensor,
    grad: torch.Tensor,
    exp_avg: torch.Tensor,
    exp_avg_sq: torch.Tensor,
    lr: float,
    beta1: float,
    beta2: float,
    eps: float,
    weight_decay: float,
    step: int,
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """One AdamW update (as torch.optim.AdamW does it, without amsgrad), returned as new
    tensors.

    For every element i, with t = step:
      m_new[i] = beta1 * exp_avg[i] + (1 - beta1) * grad[i]
      v_new[i] = beta2 * exp_avg_sq[i] + (1 - beta2) * grad[i] ** 2
      bc1 = 1 - beta1 ** t          bc2 = 1 - beta2 ** t
      denom = sqrt(v_new[i]) / sqrt(bc2) + eps
      p_new[i] = param[i] * (1 - lr * weight_decay) - (lr / bc1) * m_new[i] / denom

    Inputs (all on the same CUDA device, contiguous, dtype float32, shape (N,) with
    1 <= N <= 125_000_000):
      param, grad, exp_avg: finite values of either sign (magnitudes up to about 10)
      exp_avg_sq:           finite, non-negative, at least exp_avg ** 2
      lr in [1e-4, 1e-2], beta1 in [0.8, 0.95], beta2 in [0.95, 0.9999],
      eps in [1e-8, 1e-6], weight_decay in [0, 0.1]: Python floats
      step: a Python int, 1 <= step <= 100_000

    Returns a tuple of three new contiguous float32 tensors of shape (N,) on the inputs'
    device: (p_new, m_new, v_new). Compute in float32.

    The work must be done by one or more @triton.jit kernels that you write and launch;
    torch may only be used to allocate the outputs (torch.empty and the like), not to
    compute them. Do not modify the inputs.
    """
