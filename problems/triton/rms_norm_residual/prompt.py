import torch
import triton
import triton.language as tl


def solution(
    x: torch.Tensor, residual: torch.Tensor, weight: torch.Tensor, eps: float
) -> tuple[torch.Tensor, torch.Tensor]:
    """Add a residual, then RMS-normalise every row of the sum with a per-column weight.

    With N = x.shape[1]:
      h[i, j]   = x[i, j] + residual[i, j]      (added in float32, then rounded once to
                                                 the dtype of x)
      out[i, j] = h[i, j] / sqrt((1/N) * sum_k h[i, k] ** 2 + eps) * weight[j]
    where out is computed from h as returned (the rounded values), in float32.

    Inputs (all on the same CUDA device, contiguous, finite values of either sign with
    magnitudes up to about 50):
      x:        (M, N), dtype float32, float16 or bfloat16, 1 <= M <= 16384,
                1 <= N <= 8192, M * N <= 134_217_728
      residual: (M, N), same dtype as x
      weight:   (N,), same dtype as x
      eps:      a Python float, 1e-6 or 1e-5

    Returns a tuple (out, h) of new contiguous tensors of shape (M, N) and the dtype of
    x, on x's device. Accumulate in float32 for every dtype; half-precision results are
    rounded once.

    The work must be done by one or more @triton.jit kernels that you write and launch;
    torch may only be used to allocate the outputs (torch.empty and the like), not to
    compute them. Do not modify the inputs.
    """
