import torch
import triton
import triton.language as tl


def solution(x: torch.Tensor, bias: torch.Tensor, residual: torch.Tensor) -> torch.Tensor:
    """Bias add, exact GELU and residual add, in one pass over memory.

    z = x[i, j] + bias[j]
    out[i, j] = 0.5 * z * (1 + erf(z / sqrt(2))) + residual[i, j]
    (the exact, erf-based GELU, not its tanh approximation).

    Inputs (all on the same CUDA device, contiguous, finite values of either sign;
    magnitudes up to about 100):
      x:        (M, N), dtype float32, float16 or bfloat16
      bias:     (N,),   same dtype as x
      residual: (M, N), same dtype as x
    with 1 <= M <= 16384 and 1 <= N <= 8192.

    Returns a new contiguous tensor of shape (M, N) and the dtype of x, on x's device.
    Compute in float32 for every dtype and round the result once to x's dtype.

    The work must be done by one or more @triton.jit kernels that you write and launch;
    torch may only be used to allocate the output (torch.empty and the like), not to
    compute it. Do not modify the inputs.
    """
