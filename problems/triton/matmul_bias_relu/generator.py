"""Inputs for matmul_bias_relu: two half-precision operands and a bias."""

import torch

DTYPES = {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}


def _values(shape, case, g, device, big=4.0, offset=0.5, scale=1.5):
    """case % 3: standard normal; uniform on [-big, big]; normal with an offset and a wider spread.

    The magnitudes keep every float32 sum far inside the float16 range for K <= 4096.
    """
    kind = case % 3
    if kind == 0:
        return torch.randn(shape, generator=g, device=device)
    if kind == 1:
        return (torch.rand(shape, generator=g, device=device) * 2 - 1) * big
    return torch.randn(shape, generator=g, device=device) * scale + offset


def generate(level, case, rng, device):
    m, n, k = level.params["m"], level.params["n"], level.params["k"]
    if level.index == -1:  # validation: random shapes up to the given bounds
        m, n, k = rng.randint(2, m), rng.randint(2, n), rng.randint(1, k)
    dtype = DTYPES[level.params["dtype"]]
    g = torch.Generator(device=device)
    g.manual_seed(rng.getrandbits(63))
    a = _values((m, k), case, g, device).to(dtype)
    b = _values((k, n), case, g, device).to(dtype)
    # A bias on the scale of the products, so the ReLU cuts a real fraction of outputs
    # but leaves many positive ones.
    bias = (torch.randn((n,), generator=g, device=device) * (k**0.5) * 0.5).to(dtype)
    return (a, b, bias)
