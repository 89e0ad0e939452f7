import torch


def reference(src, index, num_rows):
    out = torch.zeros((num_rows, src.shape[1]), dtype=src.dtype, device=src.device)
    return out.index_add_(0, index, src)


def bytes_moved(src, index, num_rows):
    # Read the source rows and the index once, write the output once.
    return src.numel() * 4 + index.numel() * 8 + num_rows * src.shape[1] * 4


def flops(src, index, num_rows):
    return src.numel()
