"""Inputs for rotary_embedding: queries plus cos/sin tables of real rotary angles."""

import torch

DTYPES = {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}


def _values(shape, case, g, device, big=50.0, offset=2.0, scale=6.0):
    """case % 3: standard normal; uniform on [-big, big]; normal, offset and widely spread."""
    kind = case % 3
    if kind == 0:
        return torch.randn(shape, generator=g, device=device)
    if kind == 1:
        return (torch.rand(shape, generator=g, device=device) * 2 - 1) * big
    return torch.randn(shape, generator=g, device=device) * scale + offset


def generate(level, case, rng, device):
    p = level.params
    batch, heads, seq, head_dim = p["batch"], p["heads"], p["seq"], p["head_dim"]
    if level.index == -1:  # validation: random sizes up to the given bounds
        batch, heads, seq = rng.randint(1, batch), rng.randint(1, heads), rng.randint(2, seq)
        head_dim = rng.choice([32, 64, head_dim])
    dtype = DTYPES[p["dtype"]]
    g = torch.Generator(device=device)
    g.manual_seed(rng.getrandbits(63))
    q = _values((batch, heads, seq, head_dim), case, g, device).to(dtype)
    half = head_dim // 2
    # Angles as in rotary embeddings: position * base**(-2j/D), positions starting at a
    # random offset (as for a cached prefix), base varied a little per case.
    start = rng.randint(0, 4096)
    base = rng.choice([10000.0, 500000.0])
    inv_freq = base ** (-torch.arange(0, half, device=device, dtype=torch.float64) * 2 / head_dim)
    positions = torch.arange(start, start + seq, device=device, dtype=torch.float64)
    angles = positions[:, None] * inv_freq[None, :]
    return (q, torch.cos(angles).float(), torch.sin(angles).float())
