import torch


def reference(x):
    return torch.log_softmax(x.float(), dim=-1).to(x.dtype)


def bytes_moved(x):
    return 2 * x.numel() * x.element_size()


def flops(x):
    return 5 * x.numel()  # max, subtract, exp, sum, subtract
