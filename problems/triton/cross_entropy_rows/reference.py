import torch.nn.functional as F


def reference(logits, targets):
    return F.cross_entropy(logits.float(), targets, reduction="none")


def bytes_moved(logits, targets):
    return logits.numel() * logits.element_size() + targets.numel() * 8 + targets.numel() * 4


def flops(logits, targets):
    return 4 * logits.numel()
