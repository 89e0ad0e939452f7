"""Random audits of timed outputs compare a sample of positions (worker.encode_output
with `positions`, compare.py); these tests run the worker's encoder on CPU."""

from __future__ import annotations

import base64
import json
import subprocess
import sys

import pytest

from codeeff.gpu.compare import compare_outputs
from codeeff.problems import default_root

TOLERANCES = {"float32": (1e-5, 1e-5)}

_ENCODE_SCRIPT = r"""
import base64, json, sys
import torch
sys.argv = ["worker.py"]
import codeeff.gpu.worker as w

right = torch.arange(100_000, dtype=torch.float32).reshape(100, 1000)
wrong = right.clone()
wrong[-1] = 0  # one row of 100 skipped: 1% of the values
positions = torch.randint(-2**62, 2**62, (1000,), generator=torch.Generator().manual_seed(5))
cases = {
    "right": w.encode_output(right, positions),
    "wrong": w.encode_output(wrong, positions),
    "other_positions": w.encode_output(right, positions + 1),
    "reshaped": w.encode_output(right.reshape(1000, 100), positions),
    "small": w.encode_output(right[:1, :10], positions),
    "pair": w.encode_output((right, right[:1, :10]), positions),
}
print(json.dumps({k: [m, base64.b64encode(raw).decode()] for k, (m, raw) in cases.items()}))
"""


@pytest.fixture(scope="module")
def encoded() -> dict[str, tuple[dict, bytes]]:
    done = subprocess.run([sys.executable, "-c", _ENCODE_SCRIPT], capture_output=True,
                          text=True, cwd=default_root(), timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    cases = json.loads(done.stdout.strip().splitlines()[-1])
    return {k: (meta, base64.b64decode(raw)) for k, (meta, raw) in cases.items()}


def _compare(encoded, actual: str, expected: str = "right") -> tuple[bool, str]:
    return compare_outputs(*encoded[actual], *encoded[expected], TOLERANCES)


def test_a_large_tensor_is_sent_as_a_sample_with_its_whole_shape(encoded):
    meta, raw = encoded["right"]
    assert meta["sampled"] == 1000 and meta["shape"] == [100, 1000] and len(raw) == 4000
    assert "sampled" not in encoded["small"][0]  # no larger than the sample: sent whole
    assert [item.get("sampled") for item in encoded["pair"][0]["items"]] == [1000, None]


def test_a_sampled_audit_passes_the_same_values_and_catches_skipped_work(encoded):
    assert _compare(encoded, "right") == (True, "")
    ok, message = _compare(encoded, "wrong")
    assert not ok and "values outside" in message


def test_a_sampled_audit_checks_the_whole_shape(encoded):
    ok, message = _compare(encoded, "reshaped")
    assert not ok and "shape" in message


def test_samples_at_other_positions_do_not_compare_equal(encoded):
    assert not _compare(encoded, "other_positions")[0]


def test_a_lying_output_description_is_rejected_not_a_crash(encoded):
    meta, raw = encoded["right"]
    for lie in ({"nbytes": 12}, {"sampled": 7}, {"dtype": "nonsense"}):
        ok, message = compare_outputs(dict(meta, **lie), raw, *encoded["right"], TOLERANCES)
        assert not ok, lie
    assert "expected" in compare_outputs(dict(meta, sampled=7), raw, *encoded["right"],
                                         TOLERANCES)[1]  # fmt: skip
