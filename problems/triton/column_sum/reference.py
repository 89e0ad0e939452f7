def reference(x):
    return x.float().sum(dim=0)


def bytes_moved(x):
    return x.numel() * x.element_size() + x.shape[1] * 4


def flops(x):
    return x.numel()
