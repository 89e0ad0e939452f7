"""Safe value encoding across the sandbox boundary: tagged JSON (and machine words for
large lists of numbers), never pickle.

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

Encoding runs in the sandbox and its CPU time is charged to the sample, so it must cost
about what a bare ``json.dumps`` of the answer costs: a sample that wrote its answer to
the pipe itself would otherwise gain the difference. Lists, tuples, sets and dicts whose
members are all plain JSON are therefore checked with a few C-speed passes and handed to
``json.dumps`` as they are, instead of being walked member by member in Python; and a
large list of ints or floats (or of rows of them), the answer that costs JSON the most,
travels as machine words (see "binary form" below).

Decoding runs in the trusted harness on bytes a hostile sample chose, so it is bounded:
in bytes (``max_bytes``), in containers (``MAX_CONTAINERS``, counted before parsing), in
depth (``DEFAULT_MAX_DEPTH``, as for encoding), and in hash collisions among the members
of a set or the keys of a dict (``MAX_SAME_HASH``), which would make building it
quadratic. Tagged values are built bottom-up while parsing, never as an intermediate dict.
"""

from __future__ import annotations

import base64
import json
import math
import os
import struct
from array import array
from collections import Counter
from collections.abc import Collection, Iterator
from itertools import accumulate, chain, islice
from operator import countOf, itemgetter
from typing import Any

# Plain JSON numbers stay exact in every JSON reader below this bound.
SMALL_INT_LIMIT = 2**63
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
DEFAULT_MAX_DEPTH = 200
# Lists plus tagged values a decoded value may hold. Each costs the harness up to ~240
# bytes (an empty set is 216): 16 MB of '{"s":[]},' grew the harness by ~900 MB when
# each became a dict first, ~450 MB built bottom-up; this bound keeps it near 130 MB.
# Honest answers and inputs stay far below (the largest input of the core suite holds
# 400k; a list of 200k pairs as tuples holds 400k).
MAX_CONTAINERS = 2**20
# Members of one set (or keys of one dict) that may share a hash. Building a set costs,
# per member, one comparison with each earlier member of equal hash, so a set whose
# members all collide (big ints congruent modulo 2**61 - 1 all hash alike) is quadratic.
# Honest members are distinct, and distinct values rarely share a full hash: apart from
# hash(-1) == hash(-2) (so k-tuples drawn from {-1, -2} share one in groups of 2**k),
# that takes equal 64-bit hashes. Under this bound a member costs at most 32 comparisons.
MAX_SAME_HASH = 32

_PLAIN_TYPES = frozenset({str, bool, type(None)})
_CONTAINER_TYPES = frozenset({list, tuple, set, frozenset, dict})
_NON_FINITE = ("inf", "-inf", "nan")
_TAGS = frozenset("ifbtszd")
_ONLY_INT = frozenset({int})
_ONLY_FLOAT = frozenset({float})
_ONLY_LIST = frozenset({list})
_ONLY_TUPLE = frozenset({tuple})
# Members per pass of the bound check: small enough that its buffers come from memory
# the allocator already holds (32 KB each), large enough that the loop costs nothing.
_CHUNK = 4096


class CodecError(ValueError):
    """A value cannot cross the boundary (unsupported type, too big, malformed)."""


class OutputTooLarge(CodecError):
    """The encoded value is larger than the allowed number of bytes."""


def to_json(value: Any, max_depth: int = DEFAULT_MAX_DEPTH) -> Any:
    """Turn a value into JSON-ready data made of the tags above.

    The result shares the value's lists and tuples whose members are all plain JSON (it
    never modifies them): copying them would cost what the C-speed checks save.
    """
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
        return _members_to_json(value, depth)
    if kind is tuple:
        return {"t": _members_to_json(value, depth)}
    if kind is bytes:
        return {"b": base64.b64encode(value).decode("ascii")}
    if kind is dict:
        keys, values = value.keys(), value.values()
        if depth and _plain(keys, _types(keys)) and _plain(values, _types(values)):
            return {"d": list(value.items())}  # json.dumps writes each (k, v) as [k, v]
        return {"d": [[_to_json(k, depth - 1), _to_json(v, depth - 1)] for k, v in value.items()]}
    if kind is set:
        return {"s": _members_to_json(value, depth)}
    if kind is frozenset:
        return {"z": _members_to_json(value, depth)}
    raise CodecError(f"unsupported type {kind.__module__}.{kind.__qualname__}")


def _members_to_json(items: list | tuple | set | frozenset, depth: int) -> list | tuple:
    """JSON form of a container's members, ``depth`` being the container's own.

    json.dumps writes a list or tuple of plain members exactly as the member-by-member walk
    would, so such a container is returned as it is (a set as a list in its own order). A
    container of lists, or of tuples (rows, pairs), is settled by one check over all their
    members. Anything else (mixed or tagged members) takes the walk.
    """
    if depth:
        if type(items) is set or type(items) is frozenset:
            items = list(items)  # the checks below then scan a compact list, not a hash table
        kinds = _types(items)
        if _plain(items, kinds):
            return items
        if depth > 1 and (kinds == _ONLY_LIST or kinds == _ONLY_TUPLE):
            flat = _Flat(items)
            if _plain(flat, _types(flat)):
                return items if kinds == _ONLY_LIST else [{"t": item} for item in items]
    return [_to_json(item, depth - 1) for item in items]


class _Flat:
    """The members of a container's rows (lists or tuples) as one collection that can be
    walked again and again without being copied: a copy of a large answer would fault in
    fresh pages that a sample writing its answer itself would not pay for."""

    def __init__(self, rows: Collection[Collection[Any]]) -> None:
        self.rows = rows
        self.size = sum(map(len, rows))

    def __iter__(self) -> Iterator[Any]:
        return chain.from_iterable(self.rows)

    def __len__(self) -> int:
        return self.size


def _types(items: Collection[Any]) -> set[type]:
    """The exact types of the members, at C speed; one type (the usual answer) costs one
    identity test per member."""
    if not items:
        return set()
    first = type(next(iter(items)))
    if countOf(map(type, items), first) == len(items):
        return {first}
    return set(map(type, items))


def _plain(items: Collection[Any], kinds: set[type]) -> bool:
    """Whether every member is its own JSON form (``kinds`` are the members' types)."""
    if kinds <= _PLAIN_TYPES:
        return True
    if kinds == _ONLY_INT:
        # hypot bounds every |member| from above (to within float rounding, far inside
        # the factor 2 kept here) in one C pass that, unlike min and max, compares no
        # objects; only members near the limit need min and max to decide exactly.
        # It runs over chunks: hypot of a whole list builds an argument tuple and a buffer
        # of doubles as large as the list, whose fresh pages cost more than the pass
        # (1,100 page faults on 300k members; 20 ms on a host with slow faults).
        members = iter(items)
        try:
            while chunk := tuple(islice(members, _CHUNK)):
                if math.hypot(*chunk) >= SMALL_INT_LIMIT / 2:
                    return -SMALL_INT_LIMIT < min(items) and max(items) < SMALL_INT_LIMIT
        except OverflowError:  # a member too large for a float is far past the limit
            return False
        return True
    if kinds == _ONLY_FLOAT:
        # A non-finite member makes the sum inf or nan. So may an overflow of finite
        # members, which only sends them down the exact, slower walk.
        return math.isfinite(sum(items))
    return False


def encode(value: Any, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Encode a value to bytes; raises CodecError if unsupported or larger than max_bytes."""
    return b"".join(encode_parts(value, max_bytes))


def encode_parts(value: Any, max_bytes: int = DEFAULT_MAX_BYTES) -> list[bytes | memoryview]:
    """The encoding of a value as consecutive pieces, written one after the other without
    being joined: the sandbox writes its answer this way, since a copy of a large answer
    into fresh memory costs its page faults (~3 us per 4 KB on a host with slow faults)."""
    parts = _binary(value)
    if parts is None:
        parts = [_json_bytes(value)]
    size = sum(map(len, parts))
    if size > max_bytes:
        raise OutputTooLarge(f"encoded value is {size} bytes, limit {max_bytes}")
    return parts


def _json_bytes(value: Any) -> bytes:
    try:
        # No cycle check: to_json's depth limit already refuses a cyclic value, and the
        # check costs a dict insert per container (a tenth of the time on a list of pairs).
        text = json.dumps(
            to_json(value), separators=(",", ":"), allow_nan=False, check_circular=False
        )
    except RecursionError:
        raise CodecError("value nested too deeply") from None
    return text.encode("ascii")


def decode(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Any:
    """Decode bytes from :func:`encode`; safe on hostile input (bounded, no code runs)."""
    if len(data) > max_bytes:
        raise OutputTooLarge(f"encoded value is {len(data)} bytes, limit {max_bytes}")
    if data[:1] == BINARY_MARK:
        return _from_binary(data)
    # Every list and tagged value opens with "[" or "{": counting those bytes (brackets in
    # strings too, so this over-counts) bounds the objects parsing can build, before it runs.
    containers = data.count(b"[") + data.count(b"{")
    if containers > MAX_CONTAINERS:
        raise CodecError(
            f"encoded value may hold {containers} lists and tagged values, limit {MAX_CONTAINERS}"
        )
    try:
        value = json.loads(
            data.decode("utf-8"), object_pairs_hook=_from_tagged, parse_constant=_reject_constant
        )
    except RecursionError:
        raise CodecError("value nested too deeply") from None
    except CodecError:
        raise
    except ValueError as error:  # bad UTF-8, bad JSON, an int past the digit limit
        raise CodecError(f"not valid encoded data: {error}") from None
    _check_depth(value, DEFAULT_MAX_DEPTH)
    return value


def _from_tagged(pairs: list[tuple[str, Any]]) -> Any:
    """Build the value of one tagged JSON object, strict on shape.

    json.loads calls this for each JSON object, innermost first, with its members already
    decoded, so a tagged value becomes its final object without first being a dict. Only
    JSON itself yields a str or a list (no tag decodes to one), so a payload nested in
    another tagged value is checked as strictly as one read straight from the text.
    """
    if len(pairs) != 1:
        raise CodecError("malformed tagged value")
    ((tag, payload),) = pairs
    try:
        if type(payload) is list:
            if tag == "t":
                return tuple(payload)
            if tag == "s":
                _refuse_shared_hashes(payload)
                return set(payload)
            if tag == "z":
                _refuse_shared_hashes(payload)
                return frozenset(payload)
            if tag == "d":
                if set(map(type, payload)) - _ONLY_LIST or set(map(len, payload)) - {2}:
                    raise CodecError("malformed dict entry")
                _refuse_shared_hashes(list(map(itemgetter(0), payload)))
                return dict(payload)
        elif type(payload) is str:
            if tag == "i":
                return int(payload, 16)
            if tag == "f" and payload in _NON_FINITE:
                return float(payload)
            if tag == "b":
                return base64.b64decode(payload.encode("ascii"), validate=True)
    except (TypeError, ValueError) as error:  # unhashable key, bad base64 or hex
        if isinstance(error, CodecError):
            raise
        raise CodecError(f"malformed value for tag {tag!r}: {error}") from None
    if tag in _TAGS:
        raise CodecError(f"malformed payload for tag {tag!r}")
    raise CodecError(f"unknown tag {tag!r}")


def _refuse_shared_hashes(members: list[Any]) -> None:
    """Raise CodecError if more than MAX_SAME_HASH members share a hash (see there).

    Hash values are 64-bit, but Python hashes an int modulo 2**61 - 1, so a set of raw
    hash values could collide itself (tuple hashes can be steered). Hashing twice lands in
    (-(2**61 - 1), 2**61 - 1), where an int is its own hash: counting those is collision
    free, and only merges groups that were already congruent, which honest data is not.
    """
    if len(members) - len(set(map(hash, map(hash, members)))) >= MAX_SAME_HASH:
        # Else no group can exceed the bound; the rare honest set with many pairs goes on.
        if max(Counter(map(hash, map(hash, members))).values()) > MAX_SAME_HASH:
            raise CodecError(f"more than {MAX_SAME_HASH} set members or dict keys share a hash")


# --- binary form of the large answers: lists (and lists of lists) of ints or floats ----
# Encoding runs inside the measured window, so its cost is part of every run: JSON text
# of 100k ints costs ~5-10 ms here, as much as the work of many solutions, which pulls
# every ratio towards 1. Machine words cost a fifth of that (floats a tenth), and no
# sample can write them much cheaper itself. A NUL byte, which JSON text never starts
# with, marks the form; then "q" (int64) or "d" (float64) and the words, or for rows
# "Q" / "D" (lists) or "T" / "U" (tuples), the row count, each row's length and the
# words of all rows. Native byte order: the
# sandbox and the harness share a machine. Below BINARY_MIN_MEMBERS, or with a member
# of another type, an int beyond int64 or a non-finite float (which JSON tags), the
# value is JSON as before, so a value always has one encoding.
BINARY_MARK = b"\x00"
BINARY_MIN_MEMBERS = 64
_ROWS = struct.Struct("=Q")
_WORD_CODES = {int: "q", float: "d"}
_BINARY_FIRST = frozenset({int, float, list, tuple})  # what a binary form's first member is
# The kind letter of rows of words: lists ("Q", "D") or tuples ("T", "U").
_ROW_KINDS = ({"q": "Q", "d": "D"}, {"q": "T", "d": "U"})
_ROW_CODES = {"Q": ("q", list), "D": ("d", list), "T": ("q", tuple), "U": ("d", tuple)}


def _binary(value: Any) -> list[bytes | memoryview] | None:
    """The binary form of `value` in pieces, or None where JSON is its form."""
    if type(value) is not list or len(value) == 0 or type(value[0]) not in _BINARY_FIRST:
        return None  # (without a pass over the members, which JSON's path makes anyway)
    kinds = _types(value)
    row_kind = kinds if kinds in (_ONLY_LIST, _ONLY_TUPLE) else None
    if row_kind:
        rows = value
        members: Collection[Any] = _Flat(value)
        kinds = _types(members)
    else:
        rows, members = None, value
    if len(members) < BINARY_MIN_MEMBERS or len(kinds) != 1:
        return None
    code = _WORD_CODES.get(next(iter(kinds)))
    if code is None or (code == "d" and not math.isfinite(sum(members))):
        return None  # (an overflowing sum of finite floats only costs the JSON form)
    words = array(code)
    try:
        if row_kind == _ONLY_TUPLE:
            words.extend(chain.from_iterable(rows))
        else:  # fromlist: the fastest way in (a third of array(...))
            for row in rows or (value,):
                words.fromlist(row)
    except OverflowError:  # an int beyond int64: JSON tags it
        return None
    if rows is None:
        return [BINARY_MARK + code.encode(), memoryview(words).cast("B")]
    lengths = array("q", map(len, rows))
    kind = _ROW_KINDS[row_kind == _ONLY_TUPLE][code]
    head = BINARY_MARK + kind.encode() + _ROWS.pack(len(rows))
    return [head, memoryview(lengths).cast("B"), memoryview(words).cast("B")]


def _from_binary(data: bytes) -> list:
    """The list a binary form holds; CodecError on any inconsistency (hostile bytes)."""
    kind = data[1:2].decode("latin-1")
    if kind in ("q", "d"):
        return _words(kind, data[2:])
    if kind not in _ROW_CODES:
        raise CodecError(f"unknown binary kind {kind!r}")
    code, row_type = _ROW_CODES[kind]
    if len(data) < 2 + _ROWS.size:
        raise CodecError("truncated binary rows")
    (count,) = _ROWS.unpack_from(data, 2)
    end = 2 + _ROWS.size + 8 * count
    if count > MAX_CONTAINERS or end > len(data):
        raise CodecError("malformed binary rows")
    lengths = _words("q", data[2 + _ROWS.size : end])
    flat = _words(code, data[end:])
    if min(lengths, default=0) < 0 or sum(lengths) != len(flat):
        raise CodecError("binary row lengths do not match the words")
    starts = list(accumulate(lengths, initial=0))
    rows = [flat[start : start + length] for start, length in zip(starts, lengths, strict=False)]
    return rows if row_type is list else list(map(tuple, rows))


def _words(code: str, body: bytes) -> list:
    if len(body) % 8:
        raise CodecError("binary words are not whole")
    words = array(code)
    words.frombytes(body)
    return words.tolist()


def _check_depth(value: Any, max_depth: int) -> None:
    """Refuse a decoded value nested deeper than :func:`to_json` encodes.

    Goes level by level over containers only: one C-speed pass over all the members of a
    level finds whether any is a container, so scalar members cost no Python call.
    """
    level = [value] if type(value) in _CONTAINER_TYPES else []
    for _ in range(max_depth):
        sources = [*level, *[c.values() for c in level if type(c) is dict]]
        if _CONTAINER_TYPES.isdisjoint(map(type, chain.from_iterable(sources))):
            return
        level = [m for m in chain.from_iterable(sources) if type(m) in _CONTAINER_TYPES]
    if any(level):
        raise CodecError("value nested too deeply")


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


# A batch's answers in the result pipe (one child answering several inputs): each is a
# "B", this length, then the answer as a single run writes it (a kind byte and payload).
BATCH_LENGTH = struct.Struct("=Q")


def batch_answer(answer: list[bytes | memoryview]) -> list[bytes | memoryview]:
    """One answer's pieces (a kind byte and its payload) framed for a batch."""
    return [b"B" + BATCH_LENGTH.pack(sum(map(len, answer))), *answer]


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
