def reference(y, dy):
    yf, dyf = y.float(), dy.float()
    dx = yf * (dyf - (dyf * yf).sum(dim=-1, keepdim=True))
    return dx.to(y.dtype)


def bytes_moved(y, dy):
    return 3 * y.numel() * y.element_size()


def flops(y, dy):
    return 4 * y.numel()
