"""How a Triton task's output crosses from a worker to the harness: metadata (JSON) plus
raw bytes, never pickle. Side-effect free: imported by the GPU worker (in its sandbox)
and by the harness's problem validation alike.
"""

from __future__ import annotations

import torch


def encode_output(value, positions: torch.Tensor | None = None) -> tuple[dict, bytes]:
    """Describe and serialise a returned value: tensors as raw bytes, never pickle.

    With `positions` (int64, chosen by the parent after the timing), a tensor with more
    elements than that is sent only at those flat positions (modulo its size): a 128 MB
    output would take about a second to cross the pipe, a sample of it milliseconds.
    The meta still gives the whole shape, and `sampled`, the number of values sent.
    """
    if isinstance(value, torch.Tensor):
        tensor = value.detach()
        sampled = positions is not None and tensor.numel() > positions.numel()
        data = tensor
        if sampled:
            data = tensor.reshape(-1)[positions.to(tensor.device) % tensor.numel()]
        # Flat first: a 0-d tensor, or a contiguous one whose size-1 last dimension has
        # a stride other than 1, cannot be viewed as bytes as it is.
        data = data.contiguous().cpu().reshape(-1)
        raw = data.view(torch.uint8).numpy().tobytes() if data.numel() else b""
        meta = {"kind": "tensor", "exact_type": type(value) is torch.Tensor,
                "dtype": str(tensor.dtype).removeprefix("torch."), "shape": list(tensor.shape),
                "device": tensor.device.type, "nbytes": len(raw)}  # fmt: skip
        if sampled:
            meta["sampled"] = positions.numel()
        return meta, raw
    if isinstance(value, (tuple, list)):
        parts, payload = [], b""
        for item in value:
            meta, raw = encode_output(item, positions)
            parts.append(meta)
            payload += raw
        return {"kind": type(value).__name__, "items": parts}, payload
    if type(value) in (int, float, bool) or value is None:
        return {"kind": "scalar", "value": value}, b""
    return {"kind": "unsupported", "type": type(value).__qualname__}, b""
