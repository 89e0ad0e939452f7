"""Inputs for softmax_backward: softmax outputs from rows of varied sharpness, and an
upstream gradient of either sign with its own per-row offset."""

import torch

DTYPES = {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}


def _values(shape, case, g, device, big=8.0, offset=3.0, scale=3.0):
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
    # Logits of per-row sharpness: from nearly flat rows to rows with a few dominant
    # entries (the forward's output y keeps its row sums of 1).
    sharpness = 0.25 + torch.rand((rows, 1), generator=g, device=device) * 1.5
    logits = _values((rows, cols), case, g, device) * sharpness
    y = torch.softmax(logits, dim=-1)
    dy = torch.randn((rows, cols), generator=g, device=device) * (1.0 + (case % 3))
    dy = dy + torch.randn((rows, 1), generator=g, device=device) * 2.0
    return (y.to(dtype), dy.to(dtype))
