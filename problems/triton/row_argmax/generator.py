"""Inputs for row_argmax: rows of varied values, each with a single largest value."""

import torch

DTYPES = {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}


def _values(shape, case, g, device, big=1000.0, offset=-40.0, scale=8.0):
    """case % 3: standard normal; uniform on [-big, big]; normal, offset (mostly
    negative rows) and widely spread."""
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
    x = _values((rows, cols), case, g, device).to(dtype)
    # A half-precision row of many values repeats values, its maximum too. Raise one
    # maximal entry (at a random place: the first one of a randomly shifted row) by at
    # least a 64th of its size, which in every dtype rounds to a value above all others
    # in its row, so the answer is unique.
    row_max, first = x.float().max(dim=1)
    raised = (row_max + row_max.abs() / 64 + 1e-2).to(dtype)
    x[torch.arange(rows, device=device), first] = raised
    return (x,)
