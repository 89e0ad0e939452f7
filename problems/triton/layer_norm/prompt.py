import torch
import triton
import triton.language as tl


def solution(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
    """Layer normalisation of every row, with an affine weight and bias.

    For each row i, with N = x.shape[1] and eps = 1e-5:
      mean_i = (1/N) * sum_j x[i, j]
      var_i  = (1/N) * sum_j (x[i, j] - mean_i) ** 2        (biased variance)
      out[i, j] = (x[i, j] - mean_i) / sqrt(var_i + eps) * weight[j] + bias[j]

    Inputs (all on the same CUDA device, contiguous, finite values of either sign; rows
    may have a large common offset, e.g. mean 50 with spread 5):
      x:      (M, N), dtype float32 or bfloat16, 1 <= M <= 16384, 1 <= N <= 8192,
              M * N <= 67_108_864
      weight: (N,), same dtype as x
      bias:   (N,), same dtype as x

    Returns a new contiguous tensor of shape (M, N) and the dtype of x, on x's device.
    Compute the statistics in float32 for every dtype; bfloat16 results are rounded once.

    The work must be done by one or more @triton.jit kernels that you write and launch;
    torch may only be used to allocate the output (torch.empty and the like), not to
    compute it. Do not modify the inputs.
    """
