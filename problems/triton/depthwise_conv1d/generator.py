"""Inputs for depthwise_conv1d: signals, per-channel filters and biases of either sign."""

import torch

DTYPES = {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}


def _values(shape, case, g, device):
    """case % 3: standard normal; uniform on [-4, 4]; normal with an offset (drifting
    signals, so a filter misaligned in time gives clearly different sums)."""
    kind = case % 3
    if kind == 0:
        return torch.randn(shape, generator=g, device=device)
    if kind == 1:
        return (torch.rand(shape, generator=g, device=device) * 2 - 1) * 4
    return torch.randn(shape, generator=g, device=device) * 2 + 1.5


def generate(level, case, rng, device):
    p = level.params
    batch, channels, length, width = p["batch"], p["channels"], p["length"], p["width"]
    if level.index == -1:  # validation: random sizes up to the given bounds
        batch, channels = rng.randint(1, batch), rng.randint(1, channels)
        length, width = rng.randint(1, length), rng.randint(1, width)
    dtype = DTYPES[p["dtype"]]
    g = torch.Generator(device=device)
    g.manual_seed(rng.getrandbits(63))
    x = _values((batch, channels, length), case, g, device)
    weight = torch.randn((channels, width), generator=g, device=device) * (1.5 / width**0.5)
    bias = torch.randn((channels,), generator=g, device=device) * 0.5
    silu = case % 4 < 2  # both forms at every level (cases 0, 1: SiLU; 2, 3: none)
    return (x.to(dtype), weight.to(dtype), bias.to(dtype), silu)
