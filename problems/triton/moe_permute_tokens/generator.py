"""Inputs for moe_permute_tokens: hidden states and top-k expert ids with uneven loads."""

import torch

DTYPES = {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}


def _values(shape, case, g, device):
    """case % 3: standard normal; uniform on [-10, 10]; normal with an offset."""
    kind = case % 3
    if kind == 0:
        return torch.randn(shape, generator=g, device=device)
    if kind == 1:
        return (torch.rand(shape, generator=g, device=device) * 2 - 1) * 10
    return torch.randn(shape, generator=g, device=device) * 3 - 2


def generate(level, case, rng, device):
    p = level.params
    tokens, dim, experts, k = p["tokens"], p["dim"], p["experts"], p["k"]
    if level.index == -1:  # validation: random sizes up to the given bounds
        tokens, dim = rng.randint(1, tokens), rng.randint(1, dim)
        experts = rng.randint(1, experts)
        k = rng.randint(1, min(k, experts))
    g = torch.Generator(device=device)
    g.manual_seed(rng.getrandbits(63))
    h = _values((tokens, dim), case, g, device).to(DTYPES[p["dtype"]])
    # Experts of very different popularity (log-normal; on odd cases about a quarter
    # of them almost never chosen): k distinct experts per token, drawn by Gumbel top-k,
    # so the slots of a row are in no particular expert order.
    popularity = torch.randn((experts,), generator=g, device=device) * 1.5
    if case % 2:
        popularity = torch.where(
            torch.rand((experts,), generator=g, device=device) < 0.25, -30.0, popularity
        )
    noise = torch.rand((tokens, experts), generator=g, device=device).clamp_min(1e-20)
    scores = popularity - torch.log(-torch.log(noise))
    ids = torch.topk(scores, k, dim=1).indices.to(torch.int32)
    return (h, ids, experts)
