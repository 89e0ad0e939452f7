"""Inputs for cross_entropy_backward: logits with varied distributions and row offsets,
int64 targets with some rows ignored (-100)."""

import torch

DTYPES = {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}


def _values(shape, case, g, device, big=4.0, offset=40.0, scale=2.0):
    """case % 3: standard normal; uniform on [-big, big]; normal with a large offset."""
    kind = case % 3
    if kind == 0:
        return torch.randn(shape, generator=g, device=device)
    if kind == 1:
        return (torch.rand(shape, generator=g, device=device) * 2 - 1) * big
    return torch.randn(shape, generator=g, device=device) * scale + offset


def generate(level, case, rng, device):
    rows, vocab = level.params["rows"], level.params["vocab"]
    if level.index == -1:  # validation: random shapes up to the given bounds
        rows, vocab = rng.randint(2, rows), rng.randint(16, vocab)
    dtype = DTYPES[level.params["dtype"]]
    g = torch.Generator(device=device)
    g.manual_seed(rng.getrandbits(63))
    logits = _values((rows, vocab), case, g, device)
    # Per-row shifts (up to about +-100 for the offset case) leave the gradient
    # unchanged but overflow exp() in a kernel that skips the maximum.
    logits = logits + (torch.rand((rows, 1), generator=g, device=device) * 2 - 1) * (
        60.0 if case % 3 == 2 else 5.0
    )
    targets = torch.randint(0, vocab, (rows,), generator=g, device=device, dtype=torch.int64)
    # Ignored rows: a tenth to two fifths of them, the last row always, the first never.
    ignored = torch.rand((rows,), generator=g, device=device) < (0.1 + 0.3 * (case % 2))
    ignored[0], ignored[-1] = False, True
    targets = torch.where(ignored, torch.full_like(targets, -100), targets)
    return (logits.to(dtype), targets)
