"""Inputs for dequantize_fp8_blocks: a weight matrix quantised block by block to e4m3."""

import torch

BLOCK = 128


def _weights(shape, case, g, device):
    """case % 3: normal; uniform on [-1, 1]; heavy-tailed (a few large outliers)."""
    kind = case % 3
    if kind == 0:
        return torch.randn(shape, generator=g, device=device)
    if kind == 1:
        return torch.rand(shape, generator=g, device=device) * 2 - 1
    w = torch.randn(shape, generator=g, device=device)
    outliers = torch.rand(shape, generator=g, device=device) < 0.001
    return torch.where(outliers, w * 30.0, w)


def generate(level, case, rng, device):
    n, k = level.params["n"], level.params["k"]
    if level.index == -1:  # validation: random shapes up to the given bounds
        n, k = rng.randint(1, n), rng.randint(1, k)
    g = torch.Generator(device=device)
    g.manual_seed(rng.getrandbits(63))
    bn, bk = -(-n // BLOCK), -(-k // BLOCK)
    # Every block its own magnitude (about 1e-4 .. 1e1), then the usual quantisation:
    # scale = block max / 448, w_q = e4m3(w / scale).
    magnitude = torch.pow(10.0, torch.rand((bn, bk), generator=g, device=device) * 5 - 4)
    w = _weights((bn * BLOCK, bk * BLOCK), case, g, device)
    w = (w.view(bn, BLOCK, bk, BLOCK) * magnitude[:, None, :, None]).view(bn * BLOCK, bk * BLOCK)
    w[n:, :] = 0.0  # a partial block's scale comes from its elements inside the matrix
    w[:, k:] = 0.0
    amax = w.view(bn, BLOCK, bk, BLOCK).abs().amax(dim=(1, 3))
    scales = (amax / 448).clamp_min(1e-12)
    s = scales.repeat_interleave(BLOCK, dim=0).repeat_interleave(BLOCK, dim=1)
    w_q = (w / s).clamp(-448, 448)[:n, :k].contiguous().to(torch.float8_e4m3fn)
    return (w_q, scales.contiguous())
