import torch


def reference(x, weight, dy, eps):
    xf, dyf = x.float(), dy.float()
    rstd = torch.rsqrt(xf.square().mean(dim=1, keepdim=True) + eps)
    g = dyf * weight.float()
    dx = rstd * (g - xf * rstd.square() * (g * xf).mean(dim=1, keepdim=True))
    dweight = (dyf * xf * rstd).sum(dim=0)
    return dx.to(x.dtype), dweight


def bytes_moved(x, weight, dy, eps):
    tensors = 3 * x.numel() * x.element_size() + weight.numel() * weight.element_size()
    return tensors + 4 * weight.numel()  # dweight out


def flops(x, weight, dy, eps):
    return 10 * x.numel()
