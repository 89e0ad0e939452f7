"""Output comparison for GPU tasks, done by the harness on raw bytes (never in a worker).

A candidate's output arrives as metadata plus raw bytes (worker.encode_output), so a
Tensor subclass with lying comparisons has nothing left to lie with: the harness
rebuilds plain tensors and checks structure, type, shape, dtype, device, the NaN/inf
pattern and then every value against the task's tolerance for that dtype. A random
audit of a large timed output compares the same sampled positions of both outputs
(`sampled` in the meta; worker.encode_output).
"""

from __future__ import annotations

from typing import Any

EXACT_DTYPES = {"bool", "uint8", "int8", "int16", "int32", "int64"}


def _tensors(meta: dict, payload: bytes, offset: int = 0) -> tuple[Any, int]:
    """Rebuild the returned structure; tensors become CPU torch tensors."""
    import torch

    kind = meta["kind"]
    if kind == "tensor":
        end = offset + meta["nbytes"]
        dtype = getattr(torch, meta["dtype"])
        raw = torch.frombuffer(bytearray(payload[offset:end]) or bytearray(1), dtype=torch.uint8)
        shape = [meta["sampled"]] if "sampled" in meta else meta["shape"]
        tensor = raw[: meta["nbytes"]].view(dtype).reshape(shape)
        return tensor, end
    if kind in ("tuple", "list"):
        items = []
        for item in meta["items"]:
            value, offset = _tensors(item, payload, offset)
            items.append(value)
        return items, offset
    if kind == "scalar":
        return meta["value"], offset
    raise ValueError(f"unsupported return type {meta.get('type')}")


def _size(meta: dict) -> int:
    if meta["kind"] == "tensor":
        return meta["nbytes"]
    return sum(_size(item) for item in meta.get("items", []))


def compare_outputs(actual_meta: dict, actual: bytes, expected_meta: dict, expected: bytes,
                    tolerances: dict[str, tuple[float, float]]) -> tuple[bool, str]:  # fmt: skip
    """(ok, reason) for a candidate's output against the reference's."""
    return _compare(actual_meta, actual, 0, expected_meta, expected, 0, tolerances, "output")


def _compare(a_meta, a_bytes, a_offset, e_meta, e_bytes, e_offset, tolerances, where):
    if a_meta["kind"] != e_meta["kind"]:
        return False, f"{where}: returned {a_meta['kind']}, expected {e_meta['kind']}"
    kind = a_meta["kind"]
    if kind in ("tuple", "list"):
        a_items, e_items = a_meta["items"], e_meta["items"]
        if len(a_items) != len(e_items):
            return False, f"{where}: {len(a_items)} items, expected {len(e_items)}"
        for index, (a_item, e_item) in enumerate(zip(a_items, e_items, strict=True)):
            ok, message = _compare(a_item, a_bytes, a_offset, e_item, e_bytes, e_offset,
                                   tolerances, f"{where}[{index}]")  # fmt: skip
            if not ok:
                return False, message
            a_offset, e_offset = a_offset + _size(a_item), e_offset + _size(e_item)
        return True, ""
    if kind == "scalar":
        ok = a_meta["value"] == e_meta["value"]
        return ok, "" if ok else f"{where}: {a_meta['value']!r} != {e_meta['value']!r}"
    if kind != "tensor":
        return False, f"{where}: unsupported return type {a_meta.get('type')}"
    return _compare_tensor(a_meta, a_bytes, a_offset, e_meta, e_bytes, e_offset, tolerances, where)


def _compare_tensor(a_meta, a_bytes, a_offset, e_meta, e_bytes, e_offset, tolerances, where):
    import torch

    if not a_meta["exact_type"]:
        return False, f"{where}: a torch.Tensor subclass was returned; plain tensors only"
    for field in ("dtype", "shape", "device", "sampled"):
        if a_meta.get(field) != e_meta.get(field):
            return False, f"{where}: {field} {a_meta.get(field)}, expected {e_meta.get(field)}"
    try:
        actual, _ = _tensors(a_meta, a_bytes, a_offset)
    except (KeyError, TypeError, ValueError, RuntimeError, AttributeError) as error:
        return False, f"{where}: malformed output description ({error})"
    expected, _ = _tensors(e_meta, e_bytes, e_offset)
    if e_meta["dtype"] in EXACT_DTYPES and e_meta["dtype"] not in tolerances:
        mismatches = int((actual != expected).sum())
        return (
            mismatches == 0,
            "" if mismatches == 0 else f"{where}: {mismatches} values differ (exact dtype)",
        )
    if e_meta["dtype"] not in tolerances:
        return False, f"{where}: the task has no tolerance for dtype {e_meta['dtype']}"
    atol, rtol = tolerances[e_meta["dtype"]]
    if torch.cuda.is_available():  # large outputs: compare on the GPU, in float64 still
        actual, expected = actual.cuda(), expected.cuda()
    a64, e64 = actual.double(), expected.double()
    if not torch.equal(torch.isnan(a64), torch.isnan(e64)):
        return False, f"{where}: NaN where the reference has none (or the reverse)"
    if not torch.equal(torch.isinf(a64), torch.isinf(e64)) or not torch.equal(
        a64[torch.isinf(a64)], e64[torch.isinf(e64)]
    ):
        return False, f"{where}: infinities differ from the reference"
    finite = torch.isfinite(e64)
    error = (a64 - e64).abs()[finite]
    allowed = atol + rtol * e64.abs()[finite]
    bad = error > allowed
    if bool(bad.any()):
        worst = float((error - allowed).max())
        return False, (f"{where}: {int(bad.sum())} of {bad.numel()} values outside atol={atol:g} "
                       f"rtol={rtol:g} (worst excess {worst:.3g})")  # fmt: skip
    return True, ""
