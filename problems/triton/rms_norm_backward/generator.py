"""Inputs for rms_norm_backward: rows of varied scale, a weight of either sign, eps and
an upstream gradient partly aligned with the normalised rows."""

import torch

DTYPES = {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}


def _values(shape, case, g, device, big=60.0, offset=-4.0, scale=10.0):
    """case % 3: standard normal; uniform on [-big, big]; normal, offset and widely spread."""
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
    eps = rng.choice([1e-6, 1e-5])
    g = torch.Generator(device=device)
    g.manual_seed(rng.getrandbits(63))
    x = _values((rows, cols), case, g, device)
    x = x * (0.25 + torch.rand((rows, 1), generator=g, device=device) * 1.5)
    weight = 0.8 + 0.6 * torch.randn((cols,), generator=g, device=device)
    # A per-row component along the normalised row makes the term that the gradient
    # removes along x large, so dropping it is clearly wrong.
    x_normed = x * torch.rsqrt(x.square().mean(dim=1, keepdim=True) + eps)
    dy = torch.randn((rows, cols), generator=g, device=device)
    dy = dy + torch.randn((rows, 1), generator=g, device=device) * x_normed
    return (x.to(dtype), weight.to(dtype), dy.to(dtype), eps)
