"""Inputs for row_topk: rows of distinct values in random order, and k."""

import math

import torch


def generate(level, case, rng, device):
    rows, cols, k = level.params["rows"], level.params["cols"], level.params["k"]
    if level.index == -1:  # validation: random shapes up to the given bounds
        rows, cols = rng.randint(1, rows), rng.randint(1, cols)
        k = rng.randint(1, min(k, cols))
    g = torch.Generator(device=device)
    g.manual_seed(rng.getrandbits(63))
    # Every row holds the ranks 0..N-1 in a random order (a random permutation), mapped
    # through an increasing function that keeps them far apart in float32: distinct
    # values, so values and indices of the answer are unique.
    keys = torch.rand((rows, cols), generator=g, device=device)
    rank = torch.argsort(keys, dim=1, stable=True).double()
    u = (rank + 0.5) / cols
    scale = 0.5 + 1.5 * torch.rand((rows, 1), generator=g, device=device, dtype=torch.float64)
    shift = torch.randn((rows, 1), generator=g, device=device, dtype=torch.float64)
    kind = case % 3
    if kind == 0:  # normal, through the inverse normal CDF
        x = torch.erfinv(2 * u - 1) * math.sqrt(2) * scale + shift
    elif kind == 1:  # uniform over [-20, 20]
        x = (2 * u - 1) * 10 * scale
    else:  # large magnitudes, rows shifted far from zero either way
        x = (rank - cols / 2) * 0.37 * scale + shift * 1e4
    return (x.float(), k)
