import torch


def reference(x):
    xf = x.float()
    amax = xf.abs().amax(dim=1)
    scale = torch.where(amax > 0, amax / 127, torch.ones_like(amax))
    q = torch.round(xf / scale[:, None]).clamp(-127, 127).to(torch.int8)
    return q, scale


def bytes_moved(x):
    rows, cols = x.shape
    return x.numel() * x.element_size() + x.numel() + rows * 4


def flops(x):
    return 3 * x.numel()  # abs-max, divide, round
