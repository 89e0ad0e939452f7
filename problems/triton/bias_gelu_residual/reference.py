import torch.nn.functional as F


def reference(x, bias, residual):
    z = x.float() + bias.float()
    return (F.gelu(z) + residual.float()).to(x.dtype)


def bytes_moved(x, bias, residual):
    return 3 * x.numel() * x.element_size() + bias.numel() * bias.element_size()


def flops(x, bias, residual):
    return 8 * x.numel()  # add, scale, erf (counted once), add, two multiplies, add
