import torch
import triton
import triton.language as tl


def solution(logits: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    """Cross-entropy loss of every row (no reduction over rows).

    For each row i, with t = targets[i]:
      loss[i] = log(sum_j exp(logits[i, j])) - logits[i, t]
    computed stably (the logits are large enough that exp() overflows without
    subtracting the row maximum first).

    Inputs (on the same CUDA device, contiguous):
      logits:  (M, V), dtype float32 or bfloat16, finite values of either sign with
               magnitudes up to a few hundred; 1 <= M <= 8192, 2 <= V <= 50257,
               M * V <= 262_144_000
      targets: (M,), dtype int64, every value in [0, V)

    Returns a new tensor of shape (M,) and dtype float32 (for every logits dtype), on
    the logits' device. Accumulate in float32.

    The work must be done by one or more @triton.jit kernels that you write and launch;
    torch may only be used to allocate the output (torch.empty and the like), not to
    compute it. Do not modify the inputs.
    """
