import torch
import triton
import triton.language as tl


def solution(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor, silu: bool) -> torch.Tensor:
    """Causal depthwise 1-D convolution over time (each channel its own filter).

    With W = weight.shape[1] and x taken as zero before time 0:
      acc[b, c, t] = bias[c] + sum_{j=0}^{W-1} weight[c, j] * x[b, c, t - (W - 1) + j]
      out[b, c, t] = acc * sigmoid(acc)   if silu,  else acc
    (so out[b, c, t] depends on x[b, c, t - W + 1 .. t] only).

    Inputs (all on the same CUDA device, contiguous, finite values of either sign with
    magnitudes up to about 10):
      x:      (B, C, L), dtype float32, float16 or bfloat16; 1 <= B <= 8,
              1 <= C <= 4096, 1 <= L <= 16384, B * C * L <= 134_217_728
      weight: (C, W), same dtype as x, with 1 <= W <= 8
      bias:   (C,),   same dtype as x
      silu:   a Python bool

    Returns a new contiguous tensor of shape (B, C, L) and the dtype of x, on x's
    device. Compute in float32 for every dtype; half-precision results are rounded once.

    The work must be done by one or more @triton.jit kernels that you write and launch;
    torch may only be used to allocate the output (torch.empty and the like), not to
    compute it. Do not modify the inputs.
    """
