import torch
import triton
import triton.language as tl


def solution(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """A batch of independent matrix products.

    out[p, i, j] = sum_k a[p, i, k] * b[p, k, j]

    Inputs (on the same CUDA device, contiguous, finite values of either sign):
      a: (B, M, K), dtype float16 or bfloat16
      b: (B, K, N), same dtype as a (entries of magnitude up to about 4 / sqrt(K))
    with 1 <= B <= 64, 1 <= M, N <= 2048 and 1 <= K <= 2048 (sizes need not be
    multiples of anything; B * M * N <= 134_217_728).

    Returns a new contiguous tensor of shape (B, M, N) and the dtype of a, on a's
    device. Products must be accumulated in float32 (as tensor cores do) and the result
    rounded once to the output dtype.

    The work must be done by one or more @triton.jit kernels that you write and launch;
    torch may only be used to allocate the output (torch.empty and the like), not to
    compute it. Do not modify the inputs.
    """
