import torch


def reference(q, cos, sin):
    half = q.shape[-1] // 2
    qf = q.float()
    x1, x2 = qf[..., :half], qf[..., half:]
    out = torch.cat((x1 * cos - x2 * sin, x2 * cos + x1 * sin), dim=-1)
    return out.to(q.dtype)


def bytes_moved(q, cos, sin):
    return 2 * q.numel() * q.element_size() + 2 * cos.numel() * 4


def flops(q, cos, sin):
    return 3 * q.numel()
