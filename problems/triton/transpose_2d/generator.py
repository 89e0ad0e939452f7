"""Inputs for transpose_2d: one matrix of distinct-looking values of either sign."""

import torch

DTYPES = {
    "float32": torch.float32,
    "float16": torch.float16,
    "bfloat16": torch.bfloat16,
    "int32": torch.int32,
}


def _values(shape, case, g, device, dtype):
    """Integers: uniform over all int32 values. Floats, case % 3: standard normal;
    uniform on [-1000, 1000]; normal with a large offset."""
    if dtype == torch.int32:
        return torch.randint(
            -(2**31), 2**31 - 1, shape, generator=g, device=device, dtype=torch.int64
        ).to(torch.int32)
    kind = case % 3
    if kind == 0:
        x = torch.randn(shape, generator=g, device=device)
    elif kind == 1:
        x = (torch.rand(shape, generator=g, device=device) * 2 - 1) * 1000
    else:
        x = torch.randn(shape, generator=g, device=device) * 3 - 50
    return x.to(dtype)


def generate(level, case, rng, device):
    rows, cols = level.params["rows"], level.params["cols"]
    if level.index == -1:  # validation: random shapes up to the given bounds
        rows, cols = rng.randint(1, rows), rng.randint(1, cols)
    dtype = DTYPES[level.params["dtype"]]
    g = torch.Generator(device=device)
    g.manual_seed(rng.getrandbits(63))
    return (_values((rows, cols), case, g, device, dtype),)
