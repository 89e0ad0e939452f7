import torch
import triton
import triton.language as tl


def solution(logits: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    """Gradient of the mean cross-entropy loss with respect to the logits.

    The loss is the mean, over the rows i whose target is not -100, of
    log(sum_j exp(logits[i, j])) - logits[i, targets[i]]; rows with target -100 are
    ignored. With n_valid the number of rows whose target is not -100 (at least one),
    p[i, j] = exp(logits[i, j]) / sum_k exp(logits[i, k]) and onehot[i, j] = 1 where
    j == targets[i], else 0:
      dlogits[i, j] = (p[i, j] - onehot[i, j]) / n_valid    for a counted row i
      dlogits[i, j] = 0                                     for an ignored row i
    computed stably (the logits are large enough that exp() overflows without
    subtracting the row maximum first).

    Inputs (on the same CUDA device, contiguous):
      logits:  (M, V), dtype float32 or bfloat16, finite values of either sign with
               magnitudes up to about 120; 1 <= M <= 4096, 2 <= V <= 131072,
               M * V <= 268_435_456
      targets: (M,), dtype int64, every value in [0, V) or -100

    Returns a new contiguous tensor of shape (M, V) and the dtype of the logits, on
    their device. Accumulate in float32; a bfloat16 result is rounded once.

    The work must be done by one or more @triton.jit kernels that you write and launch;
    torch may only be used to allocate the output and any scratch buffers (torch.empty,
    torch.zeros and the like), not to compute them. Do not modify the inputs.
    """
