import torch


def reference(values, offsets):
    return torch.segment_reduce(values, "sum", offsets=offsets, axis=0)


def bytes_moved(values, offsets):
    segments = offsets.numel() - 1
    return values.numel() * 4 + offsets.numel() * 8 + segments * values.shape[1] * 4


def flops(values, offsets):
    return values.numel()
