import torch


def reference(x, y, bias):
    xf, yf, bf = x.float(), y.float(), bias.float()
    return (xf * torch.sigmoid(xf) * yf + bf).to(x.dtype)


def bytes_moved(x, y, bias):
    return 3 * x.numel() * x.element_size() + bias.numel() * bias.element_size()


def flops(x, y, bias):
    return 6 * x.numel()  # exp, add, divide, two multiplies, add
