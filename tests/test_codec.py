"""The boundary codec: exact round trips, strict types, safe on hostile bytes."""

from __future__ import annotations

import math

import pytest

from codeeff.codec import CodecError, OutputTooLarge, decode, encode

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
