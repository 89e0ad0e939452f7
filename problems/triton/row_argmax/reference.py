def reference(x):
    return x.argmax(dim=-1)


def bytes_moved(x):
    return x.numel() * x.element_size() + x.shape[0] * 8


def flops(x):
    return x.numel()
