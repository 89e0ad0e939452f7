import torch
import triton
import triton.language as tl


def solution(src: torch.Tensor, index: torch.Tensor, num_rows: int) -> torch.Tensor:
    """Sum source rows into the output rows that an index names (as for the gradient
    of an embedding table).

    out = zeros(num_rows, D); then for every i: out[index[i], :] += src[i, :]
    (rows that no index names stay zero).

    Inputs (on the same CUDA device, contiguous):
      src:      (N, D), dtype float32, finite values of either sign (magnitudes up to
                about 10); 1 <= N <= 131072, 1 <= D <= 4096, N * D <= 134_217_728
      index:    (N,), dtype int64, every value in [0, num_rows); values repeat, some
                very often (one output row may receive ~10^4 source rows)
      num_rows: a Python int V, 1 <= V <= 65536

    Returns a new contiguous tensor of shape (V, D) and dtype float32, on src's device.
    Accumulate in float32; the order of the additions is free.

    The work must be done by one or more @triton.jit kernels that you write and launch;
    torch may only be used to allocate the output (torch.empty, torch.zeros and the
    like, and scratch buffers), not to compute it. Do not modify the inputs.
    """
