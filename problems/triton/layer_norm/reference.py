import torch.nn.functional as F


def reference(x, weight, bias):
    out = F.layer_norm(x.float(), (x.shape[-1],), weight.float(), bias.float(), eps=1e-5)
    return out.to(x.dtype)


def bytes_moved(x, weight, bias):
    return 2 * x.numel() * x.element_size() + 2 * weight.numel() * weight.element_size()


def flops(x, weight, bias):
    return 8 * x.numel()
