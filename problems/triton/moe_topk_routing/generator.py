"""Inputs for moe_topk_routing: router logits with distinct values in every row."""

import torch


def _values(shape, case, g, device):
    """case % 3: standard normal; uniform on [-3, 3]; wide (std 8) with a per-row offset."""
    kind = case % 3
    if kind == 0:
        return torch.randn(shape, generator=g, device=device)
    if kind == 1:
        return (torch.rand(shape, generator=g, device=device) * 2 - 1) * 3
    offset = torch.randn((shape[0], 1), generator=g, device=device) * 5
    return torch.randn(shape, generator=g, device=device) * 8 + offset


def generate(level, case, rng, device):
    p = level.params
    tokens, experts, k = p["tokens"], p["experts"], p["k"]
    if level.index == -1:  # validation: random sizes up to the given bounds
        tokens, experts = rng.randint(1, tokens), rng.randint(1, experts)
        k = rng.randint(1, min(k, experts))
    g = torch.Generator(device=device)
    g.manual_seed(rng.getrandbits(63))
    logits = _values((tokens, experts), case, g, device)
    # Distinct values in every row (so the top-k and its order are unique): sorted, each
    # value is raised by 1e-3 per rank below it, then put back in place.
    values, order = torch.sort(logits, dim=1)
    ranks = torch.arange(experts, device=device, dtype=torch.float32)
    logits = torch.empty_like(logits).scatter_(1, order, values + ranks * 1e-3)
    return (logits, k)
