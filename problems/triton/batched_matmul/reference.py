import torch


def reference(a, b):
    return torch.bmm(a, b)


def bytes_moved(a, b):
    batch, m, k = a.shape
    n = b.shape[2]
    return batch * (m * k + k * n + m * n) * a.element_size()


def flops(a, b):
    batch, m, k = a.shape
    n = b.shape[2]
    return 2 * batch * m * n * k
