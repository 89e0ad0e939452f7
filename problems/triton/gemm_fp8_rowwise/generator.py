"""Inputs for gemm_fp8_rowwise: two matrices quantised to e4m3 row by row, and their scales."""

import torch

E4M3_MAX = 448.0


def _values(shape, case, g, device, big=4.0, offset=0.5, scale=1.5):
    """case % 3: standard normal; uniform on [-big, big]; normal, offset and wider spread."""
    kind = case % 3
    if kind == 0:
        return torch.randn(shape, generator=g, device=device)
    if kind == 1:
        return (torch.rand(shape, generator=g, device=device) * 2 - 1) * big
    return torch.randn(shape, generator=g, device=device) * scale + offset


def _quantise(x):
    """Per-row scale so that each row's largest magnitude maps to the e4m3 maximum."""
    scale = x.abs().amax(dim=1).clamp_min(1e-6) / E4M3_MAX
    q = (x / scale[:, None]).clamp(-E4M3_MAX, E4M3_MAX).to(torch.float8_e4m3fn)
    return q, scale.float()


def generate(level, case, rng, device):
    m, n, k = level.params["m"], level.params["n"], level.params["k"]
    if level.index == -1:  # validation: random shapes up to the given bounds
        m, n, k = rng.randint(2, m), rng.randint(2, n), rng.randint(1, k)
    g = torch.Generator(device=device)
    g.manual_seed(rng.getrandbits(63))
    # Rows of unequal spread (so that a missing or misplaced scale is visible); b on a
    # weight's scale (1 / sqrt(K)), so the results stay of order one to ten for any K.
    x = _values((m, k), case, g, device)
    x = x * (0.25 + torch.rand((m, 1), generator=g, device=device) * 2)
    w = _values((n, k), case + 1, g, device) * k**-0.5
    w = w * (0.25 + torch.rand((n, 1), generator=g, device=device) * 2)
    a, a_scale = _quantise(x)
    b, b_scale = _quantise(w)
    return (a, b, a_scale, b_scale)
