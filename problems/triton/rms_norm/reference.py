import torch


def reference(x, weight):
    xf = x.float()
    rms = torch.sqrt(xf.square().mean(dim=-1, keepdim=True) + 1e-6)
    return (xf / rms * weight.float()).to(x.dtype)


def bytes_moved(x, weight):
    return 2 * x.numel() * x.element_size() + weight.numel() * weight.element_size()


def flops(x, weight):
    return 4 * x.numel()
