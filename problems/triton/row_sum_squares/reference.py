def reference(x):
    return x.float().square().sum(dim=-1)


def bytes_moved(x):
    return x.numel() * x.element_size() + x.shape[0] * 4


def flops(x):
    return 2 * x.numel()
