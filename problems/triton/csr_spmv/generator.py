"""Inputs for csr_spmv: a random sparse matrix in CSR form (uniform or power-law row
lengths, with a few very long rows in the latter) and a dense vector."""

import torch


def _vector(n, case, g, device):
    """case % 3: standard normal; uniform on [-2, 2]; normal with an offset of 2."""
    kind = case % 3
    if kind == 0:
        return torch.randn((n,), generator=g, device=device)
    if kind == 1:
        return (torch.rand((n,), generator=g, device=device) * 2 - 1) * 2
    return torch.randn((n,), generator=g, device=device) + 2


def _row_lengths(rows, avg, max_len, dist, g, device):
    if dist == "uniform":  # every row within half the average of it
        return torch.randint(avg - avg // 2, avg + avg // 2 + 1, (rows,), generator=g,
                             device=device)  # fmt: skip
    # Pareto (tail exponent 1.5, mean about avg) capped at max_len; about 5% empty rows
    # and, per 100_000 rows (at least one), a row of the full max_len.
    u = torch.rand((rows,), generator=g, device=device).clamp_min(1e-12)
    lengths = (avg / 3 * u.pow(-1 / 1.5)).floor().clamp(max=max_len).long()
    lengths = torch.where(torch.rand((rows,), generator=g, device=device) < 0.05, 0, lengths)
    hubs = torch.randint(0, rows, (max(1, rows // 100_000),), generator=g, device=device)
    return lengths.index_fill(0, hubs, max_len)


def generate(level, case, rng, device):
    p = level.params
    rows, cols = p["rows"], p["cols"]
    if level.index == -1:  # validation: random sizes up to the given bounds
        rows, cols = rng.randint(1, rows), rng.randint(1, cols)
    g = torch.Generator(device=device)
    g.manual_seed(rng.getrandbits(63))
    lengths = _row_lengths(rows, p["avg_nnz"], p["max_len"], p["dist"], g, device)
    row_ptr = torch.zeros((rows + 1,), dtype=torch.int64, device=device)
    row_ptr[1:] = torch.cumsum(lengths, 0)
    nnz = int(row_ptr[-1])
    row_of = torch.repeat_interleave(torch.arange(rows, device=device), lengths)
    # Random columns (repeats allowed), ascending within each row.
    col = torch.randint(0, cols, (nnz,), generator=g, device=device)
    col_idx = (torch.sort(row_of * cols + col).values % cols).to(torch.int32)
    # Scaled by 1/sqrt(row length): every y is O(1), long rows included.
    values = torch.randn((nnz,), generator=g, device=device)
    values = values * torch.rsqrt(lengths.clamp_min(1).float())[row_of]
    return (row_ptr, col_idx, values, _vector(cols, case, g, device))
