import torch
import triton
import triton.language as tl


def solution(q: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    """Rotary position embedding ("rotate half" layout) applied to a query tensor.

    With D = q.shape[-1] and H = D // 2, for every batch b, head h, position s and
    0 <= j < H:
      x1 = q[b, h, s, j]          x2 = q[b, h, s, j + H]
      out[b, h, s, j]     = x1 * cos[s, j] - x2 * sin[s, j]
      out[b, h, s, j + H] = x2 * cos[s, j] + x1 * sin[s, j]

    Inputs (on the same CUDA device, contiguous, finite values):
      q:   (B, NH, S, D), dtype float32 or bfloat16, values of either sign with
           magnitudes up to about 100; B <= 8, NH <= 32, S <= 4096, D in {32, 64, 128},
           B * NH * S * D <= 134_217_728
      cos: (S, D // 2), dtype float32 (cosines of the rotation angles)
      sin: (S, D // 2), dtype float32 (sines of the same angles)

    Returns a new contiguous tensor of shape (B, NH, S, D) and the dtype of q, on q's
    device. Compute in float32; bfloat16 results are rounded once.

    The work must be done by one or more @triton.jit kernels that you write and launch;
    torch may only be used to allocate the output (torch.empty and the like), not to
    compute it. Do not modify the inputs.
    """
