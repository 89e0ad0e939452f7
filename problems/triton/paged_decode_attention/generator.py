"""Inputs for paged_decode_attention: a shuffled block cache, block tables and lengths."""

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
    batch, heads_kv, group, dim = p["batch"], p["kv_heads"], p["group"], p["head_dim"]
    max_seq, block_size = p["max_seq"], p["block_size"]
    if level.index == -1:  # validation: random sizes up to the given bounds
        batch, heads_kv = rng.randint(1, batch), rng.randint(1, heads_kv)
        group = rng.choice([g for g in (1, 2, 4) if g <= group])
        max_seq = rng.randint(1, max_seq)
        block_size = rng.choice([8, 16, 32])
    dtype = DTYPES[p["dtype"]]
    g = torch.Generator(device=device)
    g.manual_seed(rng.getrandbits(63))
    heads = heads_kv * group
    max_blocks = (max_seq + block_size - 1) // block_size
    # Lengths vary per sequence (the first always the longest); the stress levels keep
    # every sequence at least a quarter of the longest.
    low = 1 if level.index <= 0 else max(1, max_seq // 4)
    seq_lens = torch.randint(low, max_seq + 1, (batch,), generator=g, device=device)
    seq_lens[0] = max_seq
    # Every sequence owns max_blocks distinct blocks of a shuffled cache with a few spare
    # blocks that no sequence uses.
    num_blocks = batch * max_blocks + 3
    order = torch.randperm(num_blocks, generator=g, device=device)
    block_table = order[: batch * max_blocks].view(batch, max_blocks)
    q = _values((batch, heads, dim), case, g, device)
    k_cache = _values((num_blocks, block_size, heads_kv, dim), case, g, device)
    # Values with a per-(head, feature) shift, so the averages are not centred on zero.
    v_cache = _values((num_blocks, block_size, heads_kv, dim), case + 1, g, device)
    v_cache += torch.randn((heads_kv, dim), generator=g, device=device)
    return (
        q.to(dtype),
        k_cache.to(dtype),
        v_cache.to(dtype),
        block_table.to(torch.int32).contiguous(),
        seq_lens.to(torch.int32),
        dim**-0.5,
    )
