"""Inputs for sliding_window_attention: q, k, v of one half-precision dtype and a window."""

import torch

DTYPES = {"float16": torch.float16, "bfloat16": torch.bfloat16}


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
    batch, heads, seq, dim, window = p["batch"], p["heads"], p["seq"], p["head_dim"], p["window"]
    if level.index == -1:  # validation: random sizes up to the given bounds
        batch, heads, seq = rng.randint(1, batch), rng.randint(1, heads), rng.randint(2, seq)
        dim = rng.choice([64, 128])
        # Mostly windows shorter than the sequence, sometimes one longer (plain causal).
        window = rng.randint(1, seq) if rng.random() < 0.8 else rng.randint(seq, 2 * seq)
    dtype = DTYPES[p["dtype"]]
    g = torch.Generator(device=device)
    g.manual_seed(rng.getrandbits(63))
    shape = (batch, heads, seq, dim)
    q = _values(shape, case, g, device)
    k = _values(shape, case, g, device)
    # Values of either sign with a per-feature shift, so that the output is not centred
    # on zero and differs between positions.
    v = _values(shape, case + 1, g, device) + torch.randn((dim,), generator=g, device=device)
    return (q.to(dtype), k.to(dtype), v.to(dtype), window)
