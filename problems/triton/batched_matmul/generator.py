"""Inputs for batched_matmul: B pairs of half-precision operands, b scaled like a weight."""

import torch

DTYPES = {"float16": torch.float16, "bfloat16": torch.bfloat16}


def _values(shape, case, g, device, big=4.0, offset=0.5, scale=1.5):
    """case % 3: standard normal; uniform on [-big, big]; normal, offset and wider spread."""
    kind = case % 3
    if kind == 0:
        return torch.randn(shape, generator=g, device=device)
    if kind == 1:
        return (torch.rand(shape, generator=g, device=device) * 2 - 1) * big
    return torch.randn(shape, generator=g, device=device) * scale + offset


def generate(level, case, rng, device):
    p = level.params
    batch, m, n, k = p["batch"], p["m"], p["n"], p["k"]
    if level.index == -1:  # validation: random shapes up to the given bounds
        batch, m, n, k = (
            rng.randint(1, batch),
            rng.randint(2, m),
            rng.randint(2, n),
            rng.randint(1, k),
        )
    dtype = DTYPES[p["dtype"]]
    g = torch.Generator(device=device)
    g.manual_seed(rng.getrandbits(63))
    a = _values((batch, m, k), case, g, device)
    # Each batch entry gets its own scale, so that mixing up batch entries is visible.
    a = a * (0.5 + torch.rand((batch, 1, 1), generator=g, device=device) * 1.5)
    b = _values((batch, k, n), case + 1, g, device) * k**-0.5
    return (a.to(dtype), b.to(dtype))
