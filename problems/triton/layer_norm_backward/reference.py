def reference(x, weight, dy, mean, rstd):
    xf, dyf = x.float(), dy.float()
    xhat = (xf - mean[:, None]) * rstd[:, None]
    wdy = dyf * weight.float()
    c1 = (xhat * wdy).mean(dim=1, keepdim=True)
    c2 = wdy.mean(dim=1, keepdim=True)
    dx = (wdy - xhat * c1 - c2) * rstd[:, None]
    dweight = (dyf * xhat).sum(dim=0)
    dbias = dyf.sum(dim=0)
    return dx.to(x.dtype), dweight, dbias


def bytes_moved(x, weight, dy, mean, rstd):
    rows, cols = x.shape
    tensors = 3 * x.numel() * x.element_size() + weight.numel() * weight.element_size()
    return tensors + 8 * rows + 8 * cols  # mean and rstd in, dweight and dbias out


def flops(x, weight, dy, mean, rstd):
    return 11 * x.numel()
