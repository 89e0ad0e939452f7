"""Inputs for fused_swiglu_bias: two (M, N) operands and a length-N bias."""

import torch

DTYPES = {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}


def _values(shape, case, g, device, big=30.0, offset=3.0, scale=6.0):
    """case % 3: standard normal; uniform on [-big, big]; normal, offset and widely spread."""
    kind = case % 3
    if kind == 0:
        return torch.randn(shape, generator=g, device=device)
    if kind == 1:
        return (torch.rand(shape, generator=g, device=device) * 2 - 1) * big
    return torch.randn(shape, generator=g, device=device) * scale + offset


def _shape(level, rng):
    rows, cols = level.params["rows"], level.params["cols"]
    if level.index == -1:  # validation: random shapes up to the given bounds
        rows, cols = rng.randint(2, rows), rng.randint(2, cols)
    return rows, cols


def generate(level, case, rng, device):
    rows, cols = _shape(level, rng)
    dtype = DTYPES[level.params["dtype"]]
    g = torch.Generator(device=device)
    g.manual_seed(rng.getrandbits(63))
    x = _values((rows, cols), case, g, device).to(dtype)
    y = _values((rows, cols), case + 1, g, device).to(dtype)
    # A bias away from zero so that an all-zero or constant output is wrong.
    bias = (torch.randn((cols,), generator=g, device=device) * 2 + 0.5).to(dtype)
    return (x, y, bias)
