import torch
import triton
import triton.language as tl


def solution(a: torch.Tensor, b: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
    """Matrix product followed by a bias and a ReLU, fused.

    out[i, j] = max(0, sum_k a[i, k] * b[k, j] + bias[j])

    Inputs (all on the same CUDA device, contiguous, finite values of either sign):
      a:    (M, K), dtype float16 or bfloat16
      b:    (K, N), same dtype as a
      bias: (N,),   same dtype as a
    with 1 <= M, N <= 8192 and 1 <= K <= 4096 (sizes need not be multiples of anything).

    Returns a new contiguous tensor of shape (M, N) and the dtype of a, on a's device.
    Products must be accumulated in float32 (as tensor cores do); the bias is added to
    the float32 sum and the result is rounded once to the output dtype.

    The work must be done by one or more @triton.jit kernels that you write and launch;
    torch may only be used to allocate the output (torch.empty and the like), not to
    compute it. Do not modify the inputs.
    """
