"""Inputs for causal_attention: q, k, v of one half-precision dtype, head dim 64."""

import torch

DTYPES = {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}
HEAD_DIM = 64


def _values(shape, case, g, device, big=6.0, offset=0.5, scale=1.5):
    """case % 3: standard normal; uniform on [-big, big]; normal with an offset and a wider spread.

    The uniform case gives scores of several tens in magnitude, so softmax is sharp there.
    """
    kind = case % 3
    if kind == 0:
        return torch.randn(shape, generator=g, device=device)
    if kind == 1:
        return (torch.rand(shape, generator=g, device=device) * 2 - 1) * big
    return torch.randn(shape, generator=g, device=device) * scale + offset


def generate(level, case, rng, device):
    p = level.params
    batch, heads, seq = p["batch"], p["heads"], p["seq"]
    if level.index == -1:  # validation: random sizes up to the given bounds
        batch, heads, seq = rng.randint(1, batch), rng.randint(1, heads), rng.randint(2, seq)
    dtype = DTYPES[p["dtype"]]
    g = torch.Generator(device=device)
    g.manual_seed(rng.getrandbits(63))
    shape = (batch, heads, seq, HEAD_DIM)
    q = _values(shape, case, g, device)
    k = _values(shape, case, g, device)
    # Values of either sign with a per-feature shift, so that the output is not centred
    # on zero and differs between positions.
    v = _values(shape, case + 1, g, device) + torch.randn((HEAD_DIM,), generator=g, device=device)
    return (q.to(dtype), k.to(dtype), v.to(dtype))
