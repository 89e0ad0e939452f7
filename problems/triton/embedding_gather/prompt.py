import torch
import triton
import triton.language as tl


def solution(weight: torch.Tensor, ids: torch.Tensor) -> torch.Tensor:
    """Embedding lookup: the table row of every token id.

    out[b, s, :] = weight[ids[b, s], :]

    Inputs (on the same CUDA device, contiguous):
      weight: (V, D), dtype float32, float16 or bfloat16, finite values of either sign;
              1 <= V <= 131072, 1 <= D <= 4096
      ids:    (B, S), dtype int64, every value in [0, V); ids may repeat (some tokens
              are far more frequent than others); 1 <= B * S <= 16384

    Returns a new contiguous tensor of shape (B, S, D) and the dtype of weight, on
    weight's device; values are copied exactly.

    The work must be done by one or more @triton.jit kernels that you write and launch;
    torch may only be used to allocate the output (torch.empty and the like), not to
    compute it. Do not modify the inputs.
    """
