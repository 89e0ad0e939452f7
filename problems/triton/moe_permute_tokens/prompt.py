import torch
import triton
import triton.language as tl


def solution(
    h: torch.Tensor, ids: torch.Tensor, n_experts: int
) -> tuple[torch.Tensor, torch.Tensor]:
    """Copy every token's hidden state once per expert it is routed to, grouped by expert.

    Token t is routed to the k experts ids[t, 0], ..., ids[t, k-1] (k distinct experts).
    The T * k pairs (t, s) (token t, slot s) are ordered by expert ids[t, s] first,
    then by token t, then by slot s (ascending); the r-th pair in that order gives
      permuted[r, :] = h[t, :]
    and counts[e] is the number of pairs routed to expert e (so expert e's rows are
    permuted[sum(counts[:e]) : sum(counts[:e + 1])], in increasing token order).

    Inputs (on the same CUDA device, contiguous):
      h:         (T, D), dtype bfloat16 or float16, finite values of either sign
      ids:       (T, k), dtype torch.int32, values in [0, n_experts), distinct in a row;
                 experts receive very different numbers of tokens (some possibly none)
      n_experts: a Python int E
    with 1 <= T <= 16384, 1 <= D <= 4096, 1 <= k <= 8, k <= E <= 256.

    Returns a tuple (permuted, counts) of new contiguous tensors on h's device:
      permuted: (T * k, D), dtype of h
      counts:   (E,), dtype torch.int64

    The work must be done by one or more @triton.jit kernels that you write and launch;
    torch may only be used to allocate the outputs (torch.empty and the like), not to
    compute them. Do not modify the inputs.
    """
