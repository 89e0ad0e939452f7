"""Inputs for adamw_step: optimizer state of varied scales and the step's scalars."""

import torch


def _values(n, case, g, device, big=5.0, offset=0.5, scale=3.0):
    """case % 3: standard normal; uniform on [-big, big]; normal, offset and widely spread."""
    kind = case % 3
    if kind == 0:
        return torch.randn((n,), generator=g, device=device)
    if kind == 1:
        return (torch.rand((n,), generator=g, device=device) * 2 - 1) * big
    return torch.randn((n,), generator=g, device=device) * scale + offset


def generate(level, case, rng, device):
    n = level.params["n"]
    if level.index == -1:  # validation: random sizes up to the given bound
        n = rng.randint(1, n)
    g = torch.Generator(device=device)
    g.manual_seed(rng.getrandbits(63))
    param = _values(n, case, g, device)
    grad = _values(n, case + 1, g, device) * 0.1
    exp_avg = _values(n, case + 2, g, device) * 0.05
    # A running mean of squared gradients: non-negative and, as for a real optimizer
    # state, at least exp_avg ** 2 (so |exp_avg| / sqrt(exp_avg_sq) <= 1), with some
    # entries near zero (where eps matters).
    exp_avg_sq = exp_avg**2 + (torch.randn((n,), generator=g, device=device) * 0.1) ** 2
    lr = rng.choice([1e-4, 3e-4, 1e-3, 1e-2]) * rng.uniform(0.5, 1.0)
    beta1 = rng.choice([0.8, 0.9, 0.95])
    beta2 = rng.choice([0.95, 0.99, 0.999, 0.9999])
    eps = rng.choice([1e-8, 1e-6])
    weight_decay = rng.choice([0.0, 0.01, 0.1])
    # Early steps (large bias corrections) as well as late ones.
    step = rng.choice([1, 2, rng.randint(3, 100), rng.randint(100, 100_000)])
    return (param, grad, exp_avg, exp_avg_sq, lr, beta1, beta2, eps, weight_decay, step)
