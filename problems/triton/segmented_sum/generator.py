"""Inputs for segmented_sum: rows of values and CSR offsets of very uneven segments."""

import torch


def _values(shape, case, g, device, big=5.0, offset=0.5, scale=2.0):
    """case % 3: standard normal; uniform on [-big, big]; normal, offset and spread."""
    kind = case % 3
    if kind == 0:
        return torch.randn(shape, generator=g, device=device)
    if kind == 1:
        return (torch.rand(shape, generator=g, device=device) * 2 - 1) * big
    return torch.randn(shape, generator=g, device=device) * scale + offset


def _split(total, parts, g, device):
    """`parts` non-negative lengths summing to `total`, cut at random places (so some
    are zero when parts are many)."""
    if parts == 1:
        return torch.tensor([total], device=device)
    cuts = torch.randint(0, total + 1, (parts - 1,), generator=g, device=device)
    cuts = torch.sort(cuts).values
    edges = torch.cat([torch.zeros(1, dtype=torch.int64, device=device), cuts,
                       torch.full((1,), total, dtype=torch.int64, device=device)])  # fmt: skip
    return edges[1:] - edges[:-1]


def generate(level, case, rng, device):
    p = level.params
    rows, dim, segments = p["rows"], p["dim"], p["segments"]
    if level.index == -1:  # validation: random sizes up to the given bounds
        rows, dim = rng.randint(1, rows), rng.randint(1, dim)
        segments = rng.randint(1, segments)
    g = torch.Generator(device=device)
    g.manual_seed(rng.getrandbits(63))
    # A few long segments share about 40% of the rows (0% on every fourth case); the
    # rest are short, empty ones among them; the order of all of them is random.
    n_long = min(4, segments - 1) if case % 4 != 3 else 0
    long_rows = rows * 2 // 5 if n_long else 0
    lengths = torch.cat([
        _split(long_rows, n_long, g, device) if n_long else torch.zeros(0, dtype=torch.int64,
                                                                        device=device),
        _split(rows - long_rows, segments - n_long, g, device),
    ])  # fmt: skip
    lengths = lengths[torch.randperm(segments, generator=g, device=device)]
    offsets = torch.cat([torch.zeros(1, dtype=torch.int64, device=device),
                         torch.cumsum(lengths, 0)])  # fmt: skip
    values = _values((rows, dim), case, g, device)
    return (values, offsets)
