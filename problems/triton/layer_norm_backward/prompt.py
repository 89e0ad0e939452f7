import torch
import triton
import triton.language as tl


def solution(
    x: torch.Tensor, weight: torch.Tensor, dy: torch.Tensor, mean: torch.Tensor, rstd: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Gradients of a layer normalisation with respect to its input, weight and bias.

    The forward pass was y[i, j] = (x[i, j] - mean[i]) * rstd[i] * weight[j] + bias[j],
    with mean and rstd (1 / standard deviation) of every row saved in float32. Given the
    upstream gradient dy, with N = x.shape[1], xhat[i, j] = (x[i, j] - mean[i]) * rstd[i]
    and g[i, j] = dy[i, j] * weight[j]:
      dx[i, j]   = rstd[i] * (g[i, j] - xhat[i, j] * (1/N) * sum_k g[i, k] * xhat[i, k]
                                      - (1/N) * sum_k g[i, k])
      dweight[j] = sum_i dy[i, j] * xhat[i, j]
      dbias[j]   = sum_i dy[i, j]
    Use the given mean and rstd as they are (do not recompute them).

    Inputs (all on the same CUDA device, contiguous, finite values of either sign; rows
    of x may have a large common offset, e.g. mean 50 with spread 5):
      x:      (M, N), dtype float32, float16 or bfloat16, 1 <= M <= 16384,
              1 <= N <= 8192, M * N <= 67_108_864
      weight: (N,), same dtype as x
      dy:     (M, N), same dtype as x
      mean:   (M,), float32
      rstd:   (M,), float32, positive

    Returns a tuple (dx, dweight, dbias) of new contiguous tensors on x's device: dx of
    shape (M, N) and the dtype of x; dweight and dbias of shape (N,) and dtype float32.
    Compute in float32 for every dtype (sums over rows and over columns alike); a
    half-precision dx is rounded once.

    The work must be done by one or more @triton.jit kernels that you write and launch;
    torch may only be used to allocate the outputs and any scratch buffers
    (torch.empty, torch.zeros and the like), not to compute them. Do not modify the
    inputs.
    """
