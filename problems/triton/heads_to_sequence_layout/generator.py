"""Inputs for heads_to_sequence_layout: one (B, H, S, D) tensor of varied values."""

import torch

DTYPES = {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}


def _values(shape, case, g, device):
    """case % 3: standard normal; uniform on [-100, 100]; normal with an offset."""
    kind = case % 3
    if kind == 0:
        return torch.randn(shape, generator=g, device=device)
    if kind == 1:
        return (torch.rand(shape, generator=g, device=device) * 2 - 1) * 100
    return torch.randn(shape, generator=g, device=device) * 2 + 3


def generate(level, case, rng, device):
    p = level.params
    batch, heads, seq, dim = p["batch"], p["heads"], p["seq"], p["dim"]
    if level.index == -1:  # validation: random sizes up to the given bounds
        batch, heads, seq = rng.randint(1, batch), rng.randint(1, heads), rng.randint(1, seq)
        dim = rng.choice([64, 128, rng.randint(1, dim)])
    g = torch.Generator(device=device)
    g.manual_seed(rng.getrandbits(63))
    x = _values((batch, heads, seq, dim), case, g, device)
    return (x.to(DTYPES[p["dtype"]]),)
