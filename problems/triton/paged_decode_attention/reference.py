import torch.nn.functional as F


def reference(q, k_cache, v_cache, block_table, seq_lens, scale):
    # Gather each sequence's blocks, then attend: the loop a user would write.
    out = q.new_empty(q.shape)
    block_size = k_cache.shape[1]
    for b, n in enumerate(seq_lens.tolist()):
        blocks = block_table[b, : (n + block_size - 1) // block_size].long()
        k = k_cache[blocks].flatten(0, 1)[:n].transpose(0, 1)  # (H_kv, n, D)
        v = v_cache[blocks].flatten(0, 1)[:n].transpose(0, 1)
        out[b] = F.scaled_dot_product_attention(
            q[b, :, None, :], k, v, scale=scale, enable_gqa=True
        )[:, 0]
    return out


def bytes_moved(q, k_cache, v_cache, block_table, seq_lens, scale):
    heads_kv, dim = k_cache.shape[2], k_cache.shape[3]
    tokens = int(seq_lens.sum())
    kv = 2 * tokens * heads_kv * dim * k_cache.element_size()
    return kv + 2 * q.numel() * q.element_size() + block_table.numel() * 4 + seq_lens.numel() * 4


def flops(q, k_cache, v_cache, block_table, seq_lens, scale):
    heads, dim = q.shape[1], q.shape[2]
    return 4 * int(seq_lens.sum()) * heads * dim
