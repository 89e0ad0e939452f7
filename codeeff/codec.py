"""Safe value encoding across the sandbox boundary: tagged JSON, never pickle.

This module is imported by the harness AND copied into every sandbox (the worker uses
it to encode return values), so it must stay standard-library only and hold no secret.

Plain JSON carries null, bools, strings, finite floats, small ints and lists. Every
other type is a one-key JSON object whose key is a tag, so a decoded value has exactly
the type that was encoded (no JSON object is ever a plain dict):

    {"i": "-1f"}        int too large for a JSON number (hex, so no digit limit)
    {"f": "nan"}        non-finite float ("inf", "-inf", "nan")
    {"b": "<base64>"}   bytes
    {"t": [...]}        tuple
    {"s": [...]}        set            {"z": [...]} frozenset
    {"d": [[k, v], ...]} dict (keys of any encodable hashable type, order kept)

Only exact built-in types are accepted: a subclass (say, a list whose ``__eq__`` lies)
is rejected, so a candidate cannot smuggle behaviour across the boundary.
"""

from __future__ import annotations

import base64
import json
import math
import os
import struct
from typing import Any

# Plain JSON numbers stay exact in every JSON reader below this bound.
SMALL_INT_LIMIT = 2**63
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
DEFAULT_MAX_DEPTH = 200


class CodecError(ValueError):
    """A value cannot cross the boundary (unsupported type, too big, malformed)."""


class OutputTooLarge(CodecError):
    """The encoded value is larger than the allowed number of bytes."""


def to_json(value: Any, max_depth: int = DEFAULT_MAX_DEPTH) -> Any:
    """Turn a value into JSON-ready data made of the tags above."""
    return _to_json(value, max_depth)


def _to_json(value: Any, depth: int) -> Any:
    if depth < 0:
        raise CodecError("value nested too deeply")
    kind = type(value)
    if value is None or kind is bool or kind is str:
        return value
    if kind is int:
        if -SMALL_INT_LIMIT < value < SMALL_INT_LIMIT:
            return value
        return {"i": hex(value)}
    if kind is float:
        return value if math.isfinite(value) else {"f": repr(value)}
    if kind is list:
        return [_to_json(item, depth - 1) for item in value]
    if kind is tuple:
        return {"t": [_to_json(item, depth - 1) for item in value]}
    if kind is bytes:
        return {"b": base64.b64encode(value).decode("ascii")}
    if kind is dict:
        return {"d": [[_to_json(k, depth - 1), _to_json(v, depth - 1)] for k, v in value.items()]}
    if kind is set:
        return {"s": [_to_json(item, depth - 1) for item in value]}
    if kind is frozenset:
        return {"z": [_to_json(item, depth - 1) for item in value]}
    raise CodecError(f"unsupported type {kind.__module__}.{kind.__qualname__}")


def from_json(data: Any, max_depth: int = DEFAULT_MAX_DEPTH) -> Any:
    """Rebuild a value from JSON data produced by :func:`to_json`; strict on shape."""
    return _from_json(data, max_depth)


def _from_json(data: Any, depth: int) -> Any:
    if depth < 0:
        raise CodecError("value nested too deeply")
    kind = type(data)
    if data is None or kind in (bool, str, int, float):
        return data
    if kind is list:
        return [_from_json(item, depth - 1) for item in data]
    if kind is not dict or len(data) != 1:
        raise CodecError("malformed tagged value")
    ((tag, payload),) = data.items()
    try:
        if tag == "i" and type(payload) is str:
            return int(payload, 16)
        if tag == "f" and payload in ("inf", "-inf", "nan"):
            return float(payload)
        if tag == "b" and type(payload) is str:
            return base64.b64decode(payload.encode("ascii"), validate=True)
        if type(payload) is not list:
            raise CodecError(f"malformed payload for tag {tag!r}")
        if tag == "d":
            result = {}
            for pair in payload:
                if type(pair) is not list or len(pair) != 2:
                    raise CodecError("malformed dict entry")
                result[_from_json(pair[0], depth - 1)] = _from_json(pair[1], depth - 1)
            return result
        items = [_from_json(item, depth - 1) for item in payload]
        if tag == "t":
            return tuple(items)
        if tag == "s":
            return set(items)
        if tag == "z":
            return frozenset(items)
    except (TypeError, ValueError) as error:  # unhashable key, bad base64 or hex
        if isinstance(error, CodecError):
            raise
        raise CodecError(f"malformed value for tag {tag!r}: {error}") from None
    raise CodecError(f"unknown tag {tag!r}")


def encode(value: Any, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Encode a value to bytes; raises CodecError if unsupported or larger than max_bytes."""
    try:
        text = json.dumps(to_json(value), separators=(",", ":"), allow_nan=False)
    except RecursionError:
        raise CodecError("value nested too deeply") from None
    data = text.encode("ascii")
    if len(data) > max_bytes:
        raise OutputTooLarge(f"encoded value is {len(data)} bytes, limit {max_bytes}")
    return data


def decode(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Any:
    """Decode bytes from :func:`encode`; safe on hostile input (bounded, no code runs)."""
    if len(data) > max_bytes:
        raise OutputTooLarge(f"encoded value is {len(data)} bytes, limit {max_bytes}")
    try:
        parsed = json.loads(data.decode("utf-8"), parse_constant=_reject_constant)
    except RecursionError:
        raise CodecError("value nested too deeply") from None
    except CodecError:
        raise
    except ValueError as error:  # bad UTF-8, bad JSON, an int past the digit limit
        raise CodecError(f"not valid encoded data: {error}") from None
    return from_json(parsed)


def _reject_constant(name: str) -> Any:
    raise CodecError(f"bare {name} is not allowed; non-finite floats are tagged")


# --- framing: how messages travel over the pipes to and from a sandbox --------------
# A frame is a 4-byte big-endian length, a JSON header, and, if the header says
# "payload_bytes": n, n raw bytes (an encoded value, or tensor data).


def pack_frame(header: dict, payload: bytes = b"") -> bytes:
    if payload:
        header = dict(header, payload_bytes=len(payload))
    body = json.dumps(header).encode()
    return struct.pack(">I", len(body)) + body + payload


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def write_frame(fd: int, header: dict, payload: bytes = b"") -> None:
    write_all(fd, pack_frame(header, payload))


def read_exact(fd: int, size: int) -> bytes:
    chunks = []
    while size:
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            raise EOFError("the other side closed the channel")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def read_frame(fd: int) -> tuple[dict, bytes]:
    """Blocking read of one frame (the sandbox side; the harness adds timeouts)."""
    (length,) = struct.unpack(">I", read_exact(fd, 4))
    header = json.loads(read_exact(fd, length))
    size = header.get("payload_bytes", 0)
    return header, read_exact(fd, size) if size else b""
