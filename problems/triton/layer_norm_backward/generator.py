"""Inputs for layer_norm_backward: rows of varied offset and spread, the forward's saved
statistics, a weight of either sign and an upstream gradient partly aligned with the
normalised rows."""

import torch

DTYPES = {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}


def _values(shape, case, g, device, big=30.0, offset=50.0, scale=5.0):
    """case % 3: standard normal; uniform on [-big, big]; normal with a large offset."""
    kind = case % 3
    if kind == 0:
        return torch.randn(shape, generator=g, device=device)
    if kind == 1:
        return (torch.rand(shape, generator=g, device=device) * 2 - 1) * big
    return torch.randn(shape, generator=g, device=device) * scale + offset


def generate(level, case, rng, device):
    rows, cols = level.params["rows"], level.params["cols"]
    if level.index == -1:  # validation: random shapes up to the given bounds
        rows, cols = rng.randint(2, rows), rng.randint(2, cols)
    dtype = DTYPES[level.params["dtype"]]
    g = torch.Generator(device=device)
    g.manual_seed(rng.getrandbits(63))
    x = _values((rows, cols), case, g, device)
    x = (x * (0.5 + torch.rand((rows, 1), generator=g, device=device) * 1.5)).to(dtype)
    # The forward's saved statistics, in float32, from the values as stored.
    xf = x.float()
    mean = xf.mean(dim=1)
    rstd = torch.rsqrt(xf.var(dim=1, unbiased=False) + 1e-5)
    weight = 1.0 + 0.5 * torch.randn((cols,), generator=g, device=device)
    # Per-row components along 1 and along the normalised row make both projections
    # that the gradient removes large, so dropping either one is clearly wrong.
    xhat = (xf - mean[:, None]) * rstd[:, None]
    dy = torch.randn((rows, cols), generator=g, device=device)
    dy = dy + torch.randn((rows, 1), generator=g, device=device)
    dy = dy + torch.randn((rows, 1), generator=g, device=device) * xhat
    return (x, weight.to(dtype), dy.to(dtype), mean, rstd)
