import torch
import triton
import triton.language as tl


def solution(y: torch.Tensor, dy: torch.Tensor) -> torch.Tensor:
    """Gradient of a row-wise softmax with respect to its input.

    Given the forward's output y (every row of y is a softmax: entries in [0, 1],
    summing to about 1) and the upstream gradient dy:
      dx[i, j] = y[i, j] * (dy[i, j] - sum_k dy[i, k] * y[i, k])

    Inputs (on the same CUDA device, contiguous):
      y:  (M, N), dtype float32, float16 or bfloat16, 1 <= M <= 16384, 1 <= N <= 8192,
          M * N <= 67_108_864
      dy: (M, N), same dtype as y, finite values of either sign with magnitudes up to
          about 20 (rows may share a common offset)

    Returns a new contiguous tensor of shape (M, N) and the dtype of y, on y's device.
    Accumulate in float32 for every dtype; half-precision results are rounded once.

    The work must be done by one or more @triton.jit kernels that you write and launch;
    torch may only be used to allocate the output (torch.empty and the like), not to
    compute it. Do not modify the inputs.
    """
