"""Inputs for log_softmax_rows: one (M, N) matrix whose rows have clearly unequal
entries and their own offsets."""

import torch

DTYPES = {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}


def _values(shape, case, g, device, big=40.0, offset=-20.0, scale=5.0):
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
        rows, cols = rng.randint(2, rows), rng.randint(2, cols)
    dtype = DTYPES[level.params["dtype"]]
    g = torch.Generator(device=device)
    g.manual_seed(rng.getrandbits(63))
    x = _values((rows, cols), case, g, device)
    # A per-row shift (up to +-150 for the last distribution) that a missing
    # max-subtraction turns into overflow; the output moves with it.
    shift = (torch.rand((rows, 1), generator=g, device=device) * 2 - 1) * (
        150.0 if case % 3 == 2 else 10.0
    )
    return ((x + shift).to(dtype),)
