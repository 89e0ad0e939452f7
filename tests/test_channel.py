"""The harness side of a worker's pipes: frames arrive whole and in order, a large
payload included, and a peer that dies or stalls mid-frame is an error, not a hang."""

from __future__ import annotations

import subprocess
import sys

import pytest

from codeeff.problems import default_root
from codeeff.sandbox.base import SandboxError
from codeeff.sandbox.channel import READ_CHUNK_BYTES, Channel

BIG = 5 * READ_CHUNK_BYTES * 16 + 7  # many pipe buffers, not a multiple of any

_WRITER = r"""
import os, sys, time
from codeeff import codec
out = os.dup(1)
mode, size = sys.argv[1], int(sys.argv[2])
big = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
if mode == "frames":  # back to back: a read-ahead of the first takes part of the second
    codec.write_frame(out, {"n": 1}, b"small")
    codec.write_frame(out, {"n": 2}, big)
    codec.write_frame(out, {"n": 3})
elif mode == "dies":
    frame = codec.pack_frame({"n": 1}, big)
    os.write(out, frame[: len(frame) // 2])
else:  # stalls
    frame = codec.pack_frame({"n": 1}, big)
    os.write(out, frame[:100])
    time.sleep(60)
"""


def _channel(mode: str) -> tuple[Channel, subprocess.Popen, list[str]]:
    command = [sys.executable, "-c", _WRITER, mode, str(BIG)]
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               cwd=default_root())  # fmt: skip
    killed: list[str] = []

    def on_timeout() -> None:
        killed.append("killed")
        process.kill()

    channel = Channel(process.stdin.fileno(), process.stdout.fileno(), on_timeout, lambda: "gone")
    return channel, process, killed


def test_frames_arrive_whole_and_in_order_with_a_large_payload_between():
    channel, process, _ = _channel("frames")
    first, second, third = (channel.receive(30) for _ in range(3))
    process.wait()
    assert first == ({"n": 1, "payload_bytes": 5}, b"small")
    assert second[0]["n"] == 2 and len(second[1]) == BIG
    assert bytes(second[1][:256]) == bytes(range(256)) and second[1][-1:] == b"x"
    assert third == ({"n": 3}, b"")


def test_a_peer_that_dies_mid_payload_is_an_error():
    channel, process, _ = _channel("dies")
    with pytest.raises(SandboxError, match="closed the channel"):
        channel.receive(30)
    process.wait()


def test_a_peer_that_stalls_mid_payload_times_out_and_is_killed():
    channel, process, killed = _channel("stalls")
    with pytest.raises(SandboxError, match="did not answer in time"):
        channel.receive(1.0)
    process.wait()
    assert killed == ["killed"]
