import torch
import triton
import triton.language as tl


def solution(a: torch.Tensor, b: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
    """Matrix product followed by a bias and the tanh approximation of GELU, fused.

    x[i, j]   = sum_k a[i, k] * b[k, j] + bias[j]
    out[i, j] = 0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x**3)))

    Inputs (all on the same CUDA device, contiguous, finite values of either sign):
      a:    (M, K), dtype float16 or bfloat16
      b:    (K, N), same dtype as a (entries of magnitude up to about 4 / sqrt(K))
      bias: (N,),   same dtype as a
    with 1 <= M, N <= 11008 and 1 <= K <= 8192 (sizes need not be multiples of
    anything); the pre-activation x stays within about +-100.

    Returns a new contiguous tensor of shape (M, N) and the dtype of a, on a's device.
    Products must be accumulated in float32 (as tensor cores do); the bias is added to
    the float32 sum, the activation is evaluated in float32 and the result is rounded
    once to the output dtype.

    The work must be done by one or more @triton.jit kernels that you write and launch;
    torch may only be used to allocate the output (torch.empty and the like), not to
    compute it. Do not modify the inputs.
    """
