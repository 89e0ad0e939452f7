import torch
import triton
import triton.language as tl


def solution(x: torch.Tensor) -> torch.Tensor:
    """Log-softmax of every row of a matrix.

    out[i, j] = x[i, j] - log(sum_k exp(x[i, k]))

    computed stably: exponentiating the inputs as they are overflows (rows carry their
    own offsets of up to about +-150).

    Input (on a CUDA device, contiguous, finite values of either sign, magnitudes up
    to about 200):
      x: (M, N), dtype float32, float16 or bfloat16, with 1 <= M <= 65536 and
         1 <= N <= 131072 (M * N <= 268_435_456). Rows may be short (N around 1000,
         many rows) or vocabulary-wide (N up to 131072, a few thousand rows).

    Returns a new contiguous tensor of shape (M, N) and the dtype of x, on x's device.
    Accumulate in float32 for every dtype; half-precision results are rounded once.

    The work must be done by one or more @triton.jit kernels that you write and launch;
    torch may only be used to allocate the output (torch.empty and the like), not to
    compute it. Do not modify the input.
    """
