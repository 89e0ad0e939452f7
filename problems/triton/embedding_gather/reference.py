import torch
import torch.nn.functional as F


def reference(weight, ids):
    return F.embedding(ids, weight)


def bytes_moved(weight, ids):
    # Each distinct row read once, every output row written once, the ids read.
    row = weight.shape[1] * weight.element_size()
    return torch.unique(ids).numel() * row + ids.numel() * (row + ids.element_size())
