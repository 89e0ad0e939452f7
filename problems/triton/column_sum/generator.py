"""Inputs for column_sum: one (M, N) matrix whose columns have different means."""

import torch

DTYPES = {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}


def _values(shape, case, g, device, big=30.0, offset=-1.0, scale=5.0):
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
        rows, cols = rng.randint(1, rows), rng.randint(1, cols)
    dtype = DTYPES[level.params["dtype"]]
    g = torch.Generator(device=device)
    g.manual_seed(rng.getrandbits(63))
    x = _values((rows, cols), case, g, device)
    # Each column has its own mean (of either sign), so a row sum or a sum over the
    # wrong stride is wrong.
    x = x + torch.randn((1, cols), generator=g, device=device)
    return (x.to(dtype),)
