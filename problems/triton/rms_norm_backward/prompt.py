import torch
import triton
import triton.language as tl


def solution(
    x: torch.Tensor, weight: torch.Tensor, dy: torch.Tensor, eps: float
) -> tuple[torch.Tensor, torch.Tensor]:
    """Gradients of an RMS normalisation with respect to its input and its weight.

    The forward pass was y[i, j] = x[i, j] * rstd[i] * weight[j], with N = x.shape[1]
    and rstd[i] = 1 / sqrt((1/N) * sum_k x[i, k] ** 2 + eps). Given the upstream
    gradient dy, with g[i, j] = dy[i, j] * weight[j]:
      dx[i, j]   = rstd[i] * (g[i, j] - x[i, j] * rstd[i] ** 2 * (1/N) * sum_k g[i, k] * x[i, k])
      dweight[j] = sum_i dy[i, j] * x[i, j] * rstd[i]
    (rstd is not given: compute it from x.)

    Inputs (all on the same CUDA device, contiguous, finite values of either sign with
    magnitudes up to about 100):
      x:      (M, N), dtype float32, float16 or bfloat16, 1 <= M <= 16384,
              1 <= N <= 8192, M * N <= 67_108_864
      weight: (N,), same dtype as x
      dy:     (M, N), same dtype as x
      eps:    a Python float, 1e-6 or 1e-5

    Returns a tuple (dx, dweight) of new contiguous tensors on x's device: dx of shape
    (M, N) and the dtype of x, dweight of shape (N,) and dtype float32. Compute in
    float32 for every dtype (sums over rows and over columns alike); a half-precision dx
    is rounded once.

    The work must be done by one or more @triton.jit kernels that you write and launch;
    torch may only be used to allocate the outputs and any scratch buffers
    (torch.empty, torch.zeros and the like), not to compute them. Do not modify the
    inputs.
    """
