import torch


def reference(x, residual, weight, eps):
    h = (x.float() + residual.float()).to(x.dtype)
    hf = h.float()
    rstd = torch.rsqrt(hf.square().mean(dim=-1, keepdim=True) + eps)
    return (hf * rstd * weight.float()).to(x.dtype), h


def bytes_moved(x, residual, weight, eps):
    return 4 * x.numel() * x.element_size() + weight.numel() * weight.element_size()


def flops(x, residual, weight, eps):
    return 5 * x.numel()
