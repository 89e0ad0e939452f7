import torch


def reference(x, k):
    values, indices = torch.topk(x, k, dim=-1)
    return (values, indices)


def bytes_moved(x, k):
    return x.numel() * x.element_size() + x.shape[0] * k * (4 + 8)


def flops(x, k):
    return x.numel()
