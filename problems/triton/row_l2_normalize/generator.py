"""Inputs for row_l2_normalize: rows of widely different norms, some of them all zero."""

import torch

DTYPES = {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}


def _values(shape, case, g, device, big=3.0, offset=-1.0, scale=2.0):
    """case % 3: standard normal; uniform on [-big, big]; normal, offset and spread."""
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
    # Row scales from 1e-2 to 1e2: a single global norm is wrong.
    x = x * torch.pow(10.0, torch.rand((rows, 1), generator=g, device=device) * 4 - 2)
    if case % 2 == 1:  # some all-zero rows, whose output is zero (not NaN)
        zero = torch.rand((rows, 1), generator=g, device=device) < 0.05
        zero[-1] = True
        x = torch.where(zero, torch.zeros_like(x), x)
    return (x.to(dtype),)
