"""Inputs for embedding_gather: a table of varied values and token ids drawn three ways."""

import torch

DTYPES = {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}


def _values(shape, case, g, device, big=30.0, offset=-2.0, scale=6.0):
    """case % 3: standard normal; uniform on [-big, big]; normal, offset and widely spread."""
    kind = case % 3
    if kind == 0:
        return torch.randn(shape, generator=g, device=device)
    if kind == 1:
        return (torch.rand(shape, generator=g, device=device) * 2 - 1) * big
    return torch.randn(shape, generator=g, device=device) * scale + offset


def _ids(vocab, shape, case, g, device):
    """case % 3: uniform; skewed (a few ids very frequent, like real text); runs of
    consecutive ids starting at random places."""
    kind = case % 3
    if kind == 0:
        return torch.randint(0, vocab, shape, generator=g, device=device)
    if kind == 1:
        u = torch.rand(shape, generator=g, device=device, dtype=torch.float64)
        ranks = (u**4 * vocab).long().clamp_(0, vocab - 1)
        relabel = torch.randperm(vocab, generator=g, device=device)
        return relabel[ranks]
    starts = torch.randint(0, vocab, (shape[0], 1), generator=g, device=device)
    steps = torch.arange(shape[1], device=device)[None, :]
    return (starts + steps) % vocab


def generate(level, case, rng, device):
    p = level.params
    vocab, dim, batch, seq = p["vocab"], p["dim"], p["batch"], p["seq"]
    if level.index == -1:  # validation: random sizes up to the given bounds
        vocab, dim = rng.randint(1, vocab), rng.randint(1, dim)
        batch, seq = rng.randint(1, batch), rng.randint(1, seq)
    dtype = DTYPES[p["dtype"]]
    g = torch.Generator(device=device)
    g.manual_seed(rng.getrandbits(63))
    weight = _values((vocab, dim), case, g, device).to(dtype)
    ids = _ids(vocab, (batch, seq), case, g, device)
    return (weight, ids)
