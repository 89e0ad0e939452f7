import torch
import triton
import triton.language as tl


def solution(x: torch.Tensor, weight: torch.Tensor) -> torch.Tensor:
    """RMS normalisation of every row, scaled by a per-column weight.

    For each row i, with N = x.shape[1] and eps = 1e-6:
      rms_i = sqrt((1/N) * sum_j x[i, j] ** 2 + eps)
      out[i, j] = x[i, j] / rms_i * weight[j]

    Inputs (on the same CUDA device, contiguous, finite values of either sign with
    magnitudes up to about 100):
      x:      (M, N), dtype float32, float16 or bfloat16, 1 <= M <= 16384,
              1 <= N <= 8192, M * N <= 67_108_864
      weight: (N,), same dtype as x

    Returns a new contiguous tensor of shape (M, N) and the dtype of x, on x's device.
    Accumulate in float32 for every dtype; half-precision results are rounded once.

    The work must be done by one or more @triton.jit kernels that you write and launch;
    torch may only be used to allocate the output (torch.empty and the like), not to
    compute it. Do not modify the inputs.
    """
