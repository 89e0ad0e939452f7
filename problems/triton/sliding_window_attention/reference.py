import torch
import torch.nn.functional as F


def reference(q, k, v, window):
    seq = q.shape[2]
    pos = torch.arange(seq, device=q.device)
    offset = pos[:, None] - pos[None, :]  # i - j
    allowed = (offset >= 0) & (offset < window)
    return F.scaled_dot_product_attention(q, k, v, attn_mask=allowed)


def _pairs(seq, window):
    """Number of (i, j) pairs with i - window < j <= i."""
    w = min(window, seq)
    return w * (w + 1) // 2 + (seq - w) * w


def bytes_moved(q, k, v, window):
    return 4 * q.numel() * q.element_size()


def flops(q, k, v, window):
    batch, heads, seq, dim = q.shape
    # Two matrix products over the pairs inside the window.
    return 4 * batch * heads * dim * _pairs(seq, window)
