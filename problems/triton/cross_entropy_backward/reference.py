import torch


def reference(logits, targets):
    valid = targets != -100
    grad = torch.softmax(logits.float(), dim=-1)
    rows = torch.nonzero(valid).squeeze(1)
    grad[rows, targets[rows]] -= 1.0
    grad *= (valid.float() / valid.sum())[:, None]
    return grad.to(logits.dtype)


def bytes_moved(logits, targets):
    n_valid = int((targets != -100).sum())
    vocab, size = logits.shape[1], logits.element_size()
    # Logits of the counted rows in, the whole gradient out, the targets in.
    return n_valid * vocab * size + logits.numel() * size + targets.numel() * 8


def flops(logits, targets):
    return 5 * logits.numel()
