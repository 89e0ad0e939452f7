import torch
import triton
import triton.language as tl


def solution(
    q: torch.Tensor,
    k_cache: torch.Tensor,
    v_cache: torch.Tensor,
    block_table: torch.Tensor,
    seq_lens: torch.Tensor,
    scale: float,
) -> torch.Tensor:
    """Attention of one new query token per sequence over that sequence's cached keys and
    values, stored in fixed-size blocks scattered through a shared cache.

    Token t (0 <= t < seq_lens[b]) of sequence b lives in cache block
    block_table[b, t // BS] at slot t % BS. Query head h reads key/value head
    h // G, where G = H // H_kv. For every b and h, with n = seq_lens[b]:
      K[t, :]   = k_cache[block_table[b, t // BS], t % BS, h // G, :]   for t < n
      V[t, :]   = v_cache[block_table[b, t // BS], t % BS, h // G, :]
      s[t]      = scale * sum_d q[b, h, d] * K[t, d]
      out[b, h] = sum_t softmax(s)[t] * V[t, :]

    Inputs (on the same CUDA device, contiguous, finite values of either sign):
      q:           (B, H, D), dtype float16 or bfloat16
      k_cache:     (NB, BS, H_kv, D), same dtype as q
      v_cache:     (NB, BS, H_kv, D), same dtype as q
      block_table: (B, MAXB), int32; every entry is a valid block index (< NB), no
                   block is shared, entries past a sequence's last block are unused
      seq_lens:    (B,), int32, 1 <= seq_lens[b] <= MAXB * BS
      scale:       a Python float (1 / sqrt(D) in every level)
    with B <= 32, H_kv <= 16, G in {1, 2, 4}, H = G * H_kv <= 32, D in {64, 128},
    BS in {8, 16, 32}, sequences up to 16384 tokens (MAXB * BS <= 16384), NB up to
    about 32768; scores can reach magnitudes of a few tens. k_cache and v_cache are
    up to about 1 GB each.

    Returns a new contiguous tensor of shape (B, H, D) and the dtype of q, on q's
    device. Accumulate the products and the softmax in float32; the result is rounded
    once to the output dtype.

    The work must be done by one or more @triton.jit kernels that you write and launch;
    torch may only be used to allocate the output and any scratch buffers (torch.empty
    and the like), not to compute it. Do not modify the inputs.
    """
