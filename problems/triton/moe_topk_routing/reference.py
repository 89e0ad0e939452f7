import torch


def reference(logits, k):
    values, ids = torch.topk(logits, k, dim=-1)  # sorted, largest first
    return torch.softmax(values, dim=-1), ids.to(torch.int32)


def bytes_moved(logits, k):
    tokens = logits.shape[0]
    return logits.numel() * 4 + tokens * k * (4 + 4)


def flops(logits, k):
    return logits.numel() * k + 4 * logits.shape[0] * k
