import torch


def reference(x):
    xf = x.float()
    scale = (xf.abs().amax(dim=1) / 448).clamp_min(1e-12)
    q = (xf / scale[:, None]).clamp(-448, 448).to(torch.float8_e4m3fn)
    return q, scale


def bytes_moved(x):
    rows, cols = x.shape
    return x.numel() * x.element_size() + x.numel() + rows * 4


def flops(x):
    return 3 * x.numel()  # abs-max, divide, round
