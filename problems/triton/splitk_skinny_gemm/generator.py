"""Inputs for splitk_skinny_gemm: a few activation rows and a tall weight matrix."""

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
    m, n, k = level.params["m"], level.params["n"], level.params["k"]
    if level.index == -1:  # validation: random shapes up to the given bounds
        m, n, k = rng.randint(1, m), rng.randint(1, n), rng.randint(1, k)
    dtype = DTYPES[level.params["dtype"]]
    g = torch.Generator(device=device)
    g.manual_seed(rng.getrandbits(63))
    # Rows of unequal scale, so that mixing rows up is visible.
    a = _values((m, k), case, g, device)
    a = a * (0.5 + torch.rand((m, 1), generator=g, device=device) * 1.5)
    # b on a weight's scale (1 / sqrt(K)): the sums stay of order one to ten for any K.
    b = _values((k, n), case + 1, g, device) * k**-0.5
    return (a.to(dtype), b.to(dtype))
