"""Inputs for rms_norm_residual: a block's output and the residual stream it is added
to, rows of varied scale, a weight of either sign and eps."""

import torch

DTYPES = {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}


def _values(shape, case, g, device, big=20.0, offset=-3.0, scale=8.0):
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
    # The residual stream is the larger of the two and its rows differ in scale.
    residual = _values((rows, cols), case, g, device)
    residual = residual * (0.25 + torch.rand((rows, 1), generator=g, device=device) * 2.0)
    x = 0.5 * torch.randn((rows, cols), generator=g, device=device)
    weight = 0.8 + 0.6 * torch.randn((cols,), generator=g, device=device)
    return (x.to(dtype), residual.to(dtype), weight.to(dtype), eps)
