import torch


def reference(h, ids, n_experts):
    flat = ids.reshape(-1).long()
    # A stable sort keeps the (token, slot) order of the flattened ids within an expert.
    order = torch.argsort(flat, stable=True)
    permuted = h[order // ids.shape[1]]
    counts = torch.bincount(flat, minlength=n_experts)
    return permuted, counts


def bytes_moved(h, ids, n_experts):
    return (
        h.numel() * h.element_size()
        + ids.shape[1] * h.numel() * h.element_size()
        + ids.numel() * 4
        + n_experts * 8
    )
