"""The boundary codec: exact round trips, strict types, safe on hostile bytes."""

from __future__ import annotations

import base64
import itertools
import json
import math
import random
import sys
import time
import tracemalloc

import pytest

from codeeff.codec import (
    DEFAULT_MAX_DEPTH,
    MAX_CONTAINERS,
    MAX_SAME_HASH,
    CodecError,
    OutputTooLarge,
    decode,
    encode,
    to_json,
)

ROUND_TRIP = [
    None, True, False, 0, -1, 2**63, -(2**200) + 7, 10**5000, 1.5, -0.0, math.inf, -math.inf,
    "", "héllo\u2028", "\ud800", b"", b"\x00\xff", [], [1, [2, [3]]], (), (1, "a", None),
    {"a": 1, 2: [3], (4, 5): {"x"}}, {1, 2, 3}, frozenset({(1, 2)}), {frozenset({1}): b"x"},
    [1, 1.0, True, "1"],
]  # fmt: skip


@pytest.mark.parametrize("value", ROUND_TRIP, ids=lambda v: type(v).__name__)
def test_round_trip_keeps_value_and_type(value):
    decoded = decode(encode(value))
    assert decoded == value
    assert type(decoded) is type(value)
    if isinstance(value, list):
        assert [type(x) for x in decoded] == [type(x) for x in value]


def test_nan_round_trips():
    assert math.isnan(decode(encode(float("nan"))))


def test_int_and_float_and_bool_stay_distinct():
    assert [type(x) for x in decode(encode([1, 1.0, True]))] == [int, float, bool]


@pytest.mark.parametrize(
    "value",
    [object(), type("Sub", (int,), {})(3), type("L", (list,), {})([1]), lambda: 1, range(3)],
    ids=["object", "int-subclass", "list-subclass", "function", "range"],
)
def test_unsupported_and_subclassed_values_are_rejected(value):
    with pytest.raises(CodecError):
        encode(value)


def test_size_limit():
    with pytest.raises(OutputTooLarge):
        encode("x" * 1000, max_bytes=100)
    with pytest.raises(OutputTooLarge):
        decode(b"1" * 1000, max_bytes=100)


def test_deep_nesting_is_rejected_not_a_crash():
    deep: list = []
    for _ in range(10_000):
        deep = [deep]
    with pytest.raises(CodecError):
        encode(deep)
    with pytest.raises(CodecError):
        decode(b"[" * 100_000 + b"]" * 100_000)


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xfe", b"{", b'{"q": 1}', b'{"i": 12}', b'{"i": "zz"}', b'{"b": "!!"}',
        b'{"d": [[1]]}', b'{"d": [[[1], 2]]}', b'{"s": [[1]]}', b"NaN", b"Infinity",
        b'{"t": 1}', b'{"a": 1, "b": 2}', b"1" * 5000,
    ],
)  # fmt: skip
def test_hostile_bytes_raise_codec_error_only(data):
    with pytest.raises(CodecError):
        decode(data)


# --- the decoder stays linear and bounded on hostile bytes ------------------------------

MERSENNE = 2**61 - 1  # Python hashes ints modulo this prime


def colliding_ints(count: int) -> list[int]:
    """Distinct big ints that all share one hash."""
    return [2**80 + 12345 + k * MERSENNE for k in range(count)]


def tagged(x: int) -> bytes:
    return b'{"i":"%x"}' % x


COLLIDING_SHAPES = {
    "set": lambda xs: b'{"s":[%s]}' % b",".join(map(tagged, xs)),
    "frozenset": lambda xs: b'{"z":[%s]}' % b",".join(map(tagged, xs)),
    "dict-keys": lambda xs: b'{"d":[%s]}' % b",".join(b"[%s,0]" % tagged(x) for x in xs),
    "set-of-tuples": lambda xs: b'{"s":[%s]}' % b",".join(b'{"t":[%s,1]}' % tagged(x) for x in xs),
    "set-of-frozensets": lambda xs: (
        b'{"s":[%s]}' % b",".join(b'{"z":[%s]}' % tagged(x) for x in xs)
    ),
}


@pytest.mark.parametrize("shape", COLLIDING_SHAPES)
def test_colliding_members_are_rejected_quickly(shape):
    # 50k colliding members cost the old decoder ~15 s (quadratic); 540k fit in 16 MB.
    xs = colliding_ints(50_000)
    assert len({hash(x) for x in xs}) == 1
    data = COLLIDING_SHAPES[shape](xs)
    start = time.process_time()
    with pytest.raises(CodecError, match="share a hash"):
        decode(data)
    assert time.process_time() - start < 2.0


def test_same_hash_bound_is_exact():
    assert decode(encode(set(colliding_ints(MAX_SAME_HASH)))) == set(colliding_ints(MAX_SAME_HASH))
    for value in (set(colliding_ints(MAX_SAME_HASH + 1)), {x: 0 for x in colliding_ints(40)}):
        with pytest.raises(CodecError, match="share a hash"):
            decode(encode(value))


def test_honest_hash_collisions_still_decode():
    # hash(-1) == hash(-2), so tuples over {-1, -2} collide in groups of 2**len (16 here),
    # and a big set of pairs holds many such groups (more collisions than MAX_SAME_HASH).
    values = [
        {-1, -2},
        set(itertools.product((-1, -2), repeat=4)),
        {(x, y) for x in range(-500, 500) for y in range(-3, 3)},
        {(x, -1): x for x in range(-500, 500)} | {(x, -2): x for x in range(-500, 500)},
        frozenset(frozenset({x, -1}) for x in range(1000))
        | {frozenset({x, -2}) for x in range(1000)},
    ]
    for value in values:
        assert decode(encode(value)) == value


def test_tagged_value_flood_is_refused_before_parsing():
    # 16 MB of '{"s":[]},' grew the old decoder by ~900 MB.
    for item in (b'{"s":[]}', b"[]", b'{"d":[]}'):
        count = MAX_CONTAINERS // (item.count(b"[") + item.count(b"{"))
        data = b"[" + b",".join([item] * count) + b"]"
        start = time.process_time()
        with pytest.raises(CodecError, match="limit"):
            decode(data)
        assert time.process_time() - start < 0.5
    at_limit = b"[" + b",".join([b"[]"] * (MAX_CONTAINERS - 1)) + b"]"
    assert decode(at_limit) == [[]] * (MAX_CONTAINERS - 1)


def test_tagged_values_are_built_without_an_intermediate_dict():
    count = 100_000
    data = b"[" + b",".join([b'{"s":[]}'] * count) + b"]"
    tracemalloc.start()
    try:
        decoded = decode(data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert decoded == [set()] * count
    # Each empty set is 216 bytes; a dict per tagged value on the way doubled the peak.
    assert peak < count * (sys.getsizeof(set()) + 64)


@pytest.mark.parametrize(
    "data",
    [
        b'{"i":"1","i":"2"}', b'{"t":{"t":[]}}', b'{"d":[{"t":[1,2]}]}', b'{"i":{"b":""}}',
        b'{"s":[{"s":[]}]}', b'{"d":[[{"d":[]},1]]}', b'{"z":[[]]}', b'{"f":{"t":[]}}',
        b'{"b":"AA=="}x', b'{"t":[1],"s":[2]}', b'{"d":[[1,2,3]]}', b'{"d":[[1,2],5]}',
    ],
)  # fmt: skip
def test_nested_malformed_tagged_values_raise_codec_error(data):
    with pytest.raises(CodecError):
        decode(data)


DEPTH_LEAVES = {  # JSON text, its value, and how many levels it adds below itself
    "int": ("1", 1, 0),
    "list": ("[1,2]", [1, 2], 1),
    "tuple": ('{"t":[1]}', (1,), 1),
    "dict": ('{"d":[[1,2]]}', {1: 2}, 1),
    "set": ('{"s":[1]}', {1}, 1),
    "pairs": ('[{"t":[1,2]}]', [(1, 2)], 2),
}


@pytest.mark.parametrize("leaf", DEPTH_LEAVES)
def test_depth_limit_is_the_same_both_ways(leaf):
    # Deep values within what the JSON parser itself can nest still meet to_json's limit.
    text, value, below = DEPTH_LEAVES[leaf]
    lists = DEFAULT_MAX_DEPTH - below
    deepest_allowed = ("[" * lists + text + "]" * lists).encode()
    assert encode(decode(deepest_allowed)) == deepest_allowed
    too_deep = b"[" + deepest_allowed + b"]"
    with pytest.raises(CodecError, match="deeply"):
        decode(too_deep)
    for _ in range(lists + 1):
        value = [value]
    with pytest.raises(CodecError, match="deeply"):
        encode(value)


def test_cyclic_values_are_rejected():
    # encode skips json's cycle check: to_json's depth limit is what refuses a cycle.
    looped: list = [1]
    looped.append(looped)
    for value in (looped, [looped], {1: looped}, (looped,), [[1], looped]):
        with pytest.raises(CodecError, match="deeply"):
            encode(value)


def test_large_honest_values_round_trip():
    rng = random.Random(5)
    values = [
        [rng.randrange(-(10**12), 10**12) for _ in range(10**6)],
        [(rng.randrange(10**6), rng.randrange(10**6)) for _ in range(200_000)],
        {f"key{i}": rng.randrange(10**9) for i in range(100_000)},
        set(rng.sample(range(10**12), 200_000)),
        [[[rng.random() for _ in range(50)] for _ in range(40)] for _ in range(50)],
    ]
    for value in values:
        decoded = decode(encode(value))
        assert decoded == value
        assert type(decoded) is type(value)
    assert [type(x) for x in decode(encode(values[1]))] == [tuple] * 200_000


# --- encoding costs about what a bare json.dumps costs ---------------------------------


def reference_to_json(value):
    """The member-by-member walk that defines the wire format (as before the fast paths)."""
    kind = type(value)
    if value is None or kind in (bool, str):
        return value
    if kind is int:
        return value if -(2**63) < value < 2**63 else {"i": hex(value)}
    if kind is float:
        return value if math.isfinite(value) else {"f": repr(value)}
    if kind is bytes:
        return {"b": base64.b64encode(value).decode("ascii")}
    if kind is dict:
        return {"d": [[reference_to_json(k), reference_to_json(v)] for k, v in value.items()]}
    members = [reference_to_json(item) for item in value]
    tags = {list: None, tuple: "t", set: "s", frozenset: "z"}
    return members if kind is list else {tags[kind]: members}


EDGE_VALUES = [
    [2**63 - 1, -(2**63) + 1, 0], [2**63, 1], [1, -(2**63)], [10**30], [1, True], [1, 2.5],
    [True, None, "x"], [1.5, -0.0, 1e-300], [1e308, 1e308], [1.0, math.inf], [-math.inf],
    [math.nan, 2.0], ["a", "\u2028", "\ud800"], [[1, 2], [3, 2**64]], [[1.0], [math.nan]],
    [[], []], [(), (1,)], [(1, 2), (3, -4)], [(1, 2**70)], [(1, 2), [3, 4]], [(1.5, math.inf)],
    [(1, "a"), (None, True)], ((1, 2), (3, 4)), ([1], [2]), (1, 2**63), {1, 2, 2**63},
    frozenset({1.5, -2.0}), {(1, 2), (3, 4)}, {(1, 2**65)}, {"a": 1, "b": 2**63}, {1: "x", 2: None},
    {1.5: 2.5, -0.0: math.nan}, {(1, 2): [3]}, {True: 1, 2: 2}, [b"x", 1], [{1}, {2}], [{"a": 1}],
    [frozenset({1}), frozenset({(1, 2)})], [2**62] * 4, [2**1030, 1], [-(2**63) + 1] * 3,
]  # fmt: skip


@pytest.mark.parametrize("value", EDGE_VALUES, ids=repr)
def test_encoding_is_byte_identical_to_the_member_by_member_walk(value):
    expected = json.dumps(reference_to_json(value), separators=(",", ":"), allow_nan=False)
    assert encode(value) == expected.encode("ascii")
    decoded = decode(encode(value))
    assert encode(decoded) == encode(value)  # same value, same types, all the way down


@pytest.mark.parametrize(
    "value",
    [[1, 2, 3] * 1000, [0.5, -0.0] * 1000, ["a", None, True] * 1000, [[1, 2]] * 1000, [(1, 2)]],
    ids=["ints", "floats", "plain", "rows", "pairs"],
)
def test_plain_lists_are_not_walked(value):
    # The walk would build a new list, one Python call per member: the time a sample saved
    # by writing json.dumps(answer) to the pipe itself.
    data = to_json(value)
    if type(value[0]) is tuple:
        assert data == [{"t": value[0]}] and data[0]["t"] is value[0]
    else:
        assert data is value
    pair = (1, 2)
    assert to_json(pair)["t"] is pair


@pytest.mark.parametrize(
    "value",
    [
        [1, type("IntSub", (int,), {})(2)], [1.0, type("FloatSub", (float,), {})(2.0)],
        ["a", type("StrSub", (str,), {})("b")], [[1], type("ListSub", (list,), {})([2])],
        [(1, type("IntSub", (int,), {})(2))], {"a": type("IntSub", (int,), {})(2)},
        {1, type("TupleSub", (tuple,), {})((1, 2))},
    ],
    ids=["int", "float", "str", "list-in-rows", "int-in-pairs", "dict-value", "set-member"],
)  # fmt: skip
def test_subclassed_members_are_rejected(value):
    with pytest.raises(CodecError, match="unsupported type"):
        encode(value)


# --- the binary form of large lists of ints or floats (and of rows of them) -------------

IntSub = type("IntSub", (int,), {})


@pytest.mark.parametrize(
    ("value", "mark"),
    [
        (list(range(-500, 500)), b"\x00q"), ([i / 7 for i in range(100)], b"\x00d"),
        ([list(range(70)), [], [-(2**63), 2**63 - 1]], b"\x00Q"), ([[0.5] * 40] * 3, b"\x00D"),
        ([-0.0] * 64, b"\x00d"), ([(1, 2)] * 40, b"\x00T"), ([(0.5,), (1.5, 2.5)] * 30, b"\x00U"),
    ],
)  # fmt: skip
def test_large_lists_of_numbers_travel_as_machine_words(value, mark):
    data = encode(value)
    assert data.startswith(mark)
    decoded = decode(data)
    assert decoded == value and encode(decoded) == data
    kind = float if mark[1:] in (b"d", b"D", b"U") else int
    members = list(itertools.chain(*decoded)) if mark[1:].isupper() else decoded
    assert all(type(member) is kind for member in members)


@pytest.mark.parametrize(
    "value",
    [[True] * 100, [2**63] + [1] * 100, [math.nan] + [1.0] * 100, [math.inf] * 100,
     [1] * 63, [1, 1.0] * 50, [[1] * 100, [1.0]], [[[1]] * 100], [(1, "a")] * 100,
     [(1, 2), [3, 4]] * 50],
    ids=["bools", "big-int", "nan", "inf", "short", "mixed", "mixed-rows", "deep", "str-pairs",
         "tuples-and-lists"],
)  # fmt: skip
def test_values_outside_the_binary_form_stay_json_with_their_types(value):
    data = encode(value)
    assert not data.startswith(b"\x00")
    decoded = decode(data)
    assert encode(decoded) == data
    assert [type(x) for x in decoded] == [type(x) for x in value]


def test_a_subclassed_member_of_a_large_list_is_still_rejected():
    with pytest.raises(CodecError, match="unsupported type"):
        encode([1] * 100 + [IntSub(2)])
    with pytest.raises(CodecError, match="unsupported type"):
        encode([[1] * 100, [IntSub(2)]])


@pytest.mark.parametrize(
    "data",
    [b"\x00", b"\x00x" + bytes(8), b"\x00q" + bytes(7), b"\x00Q", b"\x00Q" + bytes(4),
     b"\x00Q" + (2**40).to_bytes(8, sys.byteorder),
     b"\x00Q" + (1).to_bytes(8, sys.byteorder) + (2).to_bytes(8, sys.byteorder) + bytes(8),
     b"\x00D" + (1).to_bytes(8, sys.byteorder) + (-1).to_bytes(8, sys.byteorder, signed=True),
     b"\x00Q" + (2).to_bytes(8, sys.byteorder) + bytes(8)],
    ids=["mark-only", "kind", "partial-word", "no-count", "short-count", "huge-count",
         "lengths-exceed-words", "negative-length", "missing-lengths"],
)  # fmt: skip
def test_hostile_binary_forms_raise_codec_error_only(data):
    with pytest.raises(CodecError):
        decode(data)
