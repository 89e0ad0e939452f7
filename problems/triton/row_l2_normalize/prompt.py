import torch
import triton
import triton.language as tl


def solution(x: torch.Tensor) -> torch.Tensor:
    """Scale every row of a matrix to unit Euclidean length.

    out[i, j] = x[i, j] / max(sqrt(sum_k x[i, k] ** 2), 1e-12)

    (so an all-zero row gives an all-zero output row).

    Input (on a CUDA device, contiguous, finite values of either sign; row norms range
    from about 1e-2 to 1e4, and some rows may be all zero):
      x: (M, N), dtype float32, float16 or bfloat16, 1 <= M <= 4_194_304,
         1 <= N <= 8192, M * N <= 402_653_184. Rows may be very short (N of 64 to 128
         with millions of rows).

    Returns a new contiguous tensor of shape (M, N) and the dtype of x, on x's device.
    Accumulate in float32 for every dtype; half-precision results are rounded once.

    The work must be done by one or more @triton.jit kernels that you write and launch;
    torch may only be used to allocate the output (torch.empty and the like), not to
    compute it. Do not modify the input.
    """
