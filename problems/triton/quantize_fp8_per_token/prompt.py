import torch
import triton
import triton.language as tl


def solution(x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Per-row (per-token) quantisation to float8 e4m3 with one float32 scale per row.

    For each row i, with the values taken in float32 (xf = float32(x)):
      amax_i   = max_j |xf[i, j]|
      scale[i] = max(amax_i / 448, 1e-12)          (448 is e4m3's largest finite value)
      q[i, j]  = e4m3(clamp(xf[i, j] / scale[i], -448, 448))
    where the division is a float32 division and e4m3() rounds a float32 to the nearest
    torch.float8_e4m3fn value, half-way cases to even (as torch's .to(float8_e4m3fn)
    does). No quotient lies close to a half-way point between two e4m3 values, so the
    order of float32 operations does not change q.

    Input (on a CUDA device, contiguous, finite values of either sign; some rows may be
    all zeros, row magnitudes vary from about 1e-3 to about 1e4):
      x: (M, N), dtype bfloat16, with 1 <= M <= 16384 and 1 <= N <= 14336
         (M * N <= 117_440_512).

    Returns a tuple (q, scale) of new contiguous tensors on x's device:
      q:     (M, N), dtype torch.float8_e4m3fn
      scale: (M,),   dtype torch.float32

    The work must be done by one or more @triton.jit kernels that you write and launch;
    torch may only be used to allocate the outputs (torch.empty and the like), not to
    compute them. Do not modify the input.
    """
