"""Inputs for quantize_int8_rows: rows of very different magnitudes, a few all-zero."""

import torch

DTYPES = {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}


def _values(shape, case, g, device):
    """case % 3: standard normal; uniform on [-1, 1]; heavy-tailed (a few outliers per row)."""
    kind = case % 3
    if kind == 0:
        return torch.randn(shape, generator=g, device=device)
    if kind == 1:
        return torch.rand(shape, generator=g, device=device) * 2 - 1
    x = torch.randn(shape, generator=g, device=device)
    outliers = torch.rand(shape, generator=g, device=device) < 0.002
    return torch.where(outliers, x * 40.0, x)


def generate(level, case, rng, device):
    rows, cols = level.params["rows"], level.params["cols"]
    if level.index == -1:  # validation: random shapes up to the given bounds
        rows, cols = rng.randint(2, rows), rng.randint(1, cols)
    dtype = DTYPES[level.params["dtype"]]
    g = torch.Generator(device=device)
    g.manual_seed(rng.getrandbits(63))
    x = _values((rows, cols), case, g, device)
    # Each row its own magnitude, over about 1e-3 .. 1e2 (times the outliers' 40), and
    # about one row in 50 all zeros (its scale is defined as 1).
    x = x * torch.pow(10.0, torch.rand((rows, 1), generator=g, device=device) * 5 - 3)
    zero_rows = torch.rand((rows, 1), generator=g, device=device) < 0.02
    x = torch.where(zero_rows, 0.0, x).to(dtype)
    # No quotient within 1e-3 of a half-way point: there a correct kernel's float order
    # (x * (127 / amax) or x / (amax / 127)) could decide the rounding, elsewhere the
    # answer is unique and compared exactly. Such values (a fraction of a percent) become zeros;
    # the row maximum (quotient exactly 127) is never one of them.
    xd = x.double()
    amax = xd.abs().amax(dim=1, keepdim=True)
    y = (xd * 127 / torch.where(amax > 0, amax, 1.0)).abs()
    near_half = (y - y.floor() - 0.5).abs() < 1e-3
    return (torch.where(near_half, 0.0, x),)
