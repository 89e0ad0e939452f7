import torch
import triton
import triton.language as tl


def solution(w_q: torch.Tensor, scales: torch.Tensor) -> torch.Tensor:
    """Dequantise a block-quantised float8 weight matrix to bfloat16.

    The matrix is split into blocks of 128 x 128 (the last block row and column may
    be partial); block (bi, bk) covers rows 128*bi .. 128*bi + 127 and columns
    128*bk .. 128*bk + 127 and has one float32 scale:
      out[i, j] = bfloat16(float32(w_q[i, j]) * scales[i // 128, j // 128])
    (the float32 product rounded to bfloat16).

    Inputs (on the same CUDA device, contiguous):
      w_q:    (N, K), dtype torch.float8_e4m3fn, finite values of either sign;
              1 <= N <= 18432, 1 <= K <= 10000, N * K <= 132_120_576
      scales: (ceil(N / 128), ceil(K / 128)), dtype float32, positive values spread
              over several orders of magnitude (about 1e-7 to 1)

    Returns a new contiguous tensor of shape (N, K) and dtype bfloat16, on w_q's
    device.

    The work must be done by one or more @triton.jit kernels that you write and launch;
    torch may only be used to allocate the output (torch.empty and the like), not to
    compute it. Do not modify the inputs.
    """
