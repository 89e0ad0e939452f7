import torch
import triton
import triton.language as tl


def solution(x: torch.Tensor) -> torch.Tensor:
    """Sum of squares of every row of a matrix.

    out[i] = sum_j x[i, j] ** 2

    Input (on a CUDA device, contiguous, finite values of either sign with magnitudes
    up to about 100):
      x: (M, N), dtype float32 or bfloat16, 1 <= M <= 8192, 1 <= N <= 131072,
         M * N <= 134_217_728.

    Returns a new tensor of shape (M,) and dtype float32 (for every input dtype), on
    x's device. Square and accumulate in float32.

    The work must be done by one or more @triton.jit kernels that you write and launch;
    torch may only be used to allocate the output (torch.empty and the like), not to
    compute it. Do not modify the input.
    """
