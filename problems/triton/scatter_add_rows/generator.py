"""Inputs for scatter_add_rows: source rows and an index with repeats (uniform or skewed)."""

import torch


def _values(shape, case, g, device, big=5.0, offset=0.5, scale=2.0):
    """case % 3: standard normal; uniform on [-big, big]; normal, offset and spread."""
    kind = case % 3
    if kind == 0:
        return torch.randn(shape, generator=g, device=device)
    if kind == 1:
        return (torch.rand(shape, generator=g, device=device) * 2 - 1) * big
    return torch.randn(shape, generator=g, device=device) * scale + offset


def _index(n, vocab, case, g, device):
    """(case // 3) % 2: uniform over the rows; Zipf-like skew (word frequencies: the
    most frequent row gets ~7% of the entries, most rows few or none)."""
    if (case // 3) % 2 == 0:
        return torch.randint(0, vocab, (n,), generator=g, device=device)
    u = torch.rand((n,), generator=g, device=device, dtype=torch.float64)
    ranks = (u**4 * vocab).long().clamp_(0, vocab - 1)
    return torch.randperm(vocab, generator=g, device=device)[ranks]


def generate(level, case, rng, device):
    p = level.params
    rows, dim, vocab = p["rows"], p["dim"], p["vocab"]
    if level.index == -1:  # validation: random sizes up to the given bounds
        rows, dim, vocab = rng.randint(1, rows), rng.randint(1, dim), rng.randint(1, vocab)
    g = torch.Generator(device=device)
    g.manual_seed(rng.getrandbits(63))
    # Level 0 and the validation cases draw the skewed index on odd cases.
    skew_case = case if level.index > 0 else case * 3
    src = _values((rows, dim), case, g, device)
    index = _index(rows, vocab, skew_case, g, device)
    return (src, index, vocab)
