import torch
import triton
import triton.language as tl


def solution(
    a: torch.Tensor, b: torch.Tensor, a_scale: torch.Tensor, b_scale: torch.Tensor
) -> torch.Tensor:
    """Matrix product of two FP8 (e4m3) matrices, dequantised by a scale per output row
    and a scale per output column.

    out[i, j] = a_scale[i] * b_scale[j] * sum_k a[i, k] * b[j, k]

    Inputs (all on the same CUDA device, contiguous):
      a:       (M, K), dtype torch.float8_e4m3fn (finite values of either sign)
      b:       (N, K), dtype torch.float8_e4m3fn; note the layout: row j of b holds
               the K entries that multiply column j of the result
      a_scale: (M,), dtype float32, positive
      b_scale: (N,), dtype float32, positive
    with 1 <= M, N <= 8192 and 1 <= K <= 14336 (sizes need not be multiples of
    anything). The quantised values use the whole e4m3 range (up to +-448); the results
    are of order one to ten.

    Returns a new contiguous tensor of shape (M, N), dtype bfloat16, on a's device.
    The products must be accumulated in float32 at full float32 precision (every
    product of two e4m3 values is exact in float32), then scaled and rounded once to
    bfloat16.

    The work must be done by one or more @triton.jit kernels that you write and launch;
    torch may only be used to allocate the output (torch.empty and the like), not to
    compute it. Do not modify the inputs.
    """
