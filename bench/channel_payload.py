"""How fast does a large payload (a GPU task's output) cross the pipe from a worker?

A child process writes frames of `--mb` MB (codec.write_frame, as the GPU worker does)
and this process reads them two ways, alternating: through `Channel.receive` (what the
runner uses) and through a bare loop of `os.readv` into one preallocated buffer (the
floor for a pipe on this machine). Prints the median seconds of each and their ratio.
A 128 MB output is what a random audit of the matmul task's large level used to move.

    python bench/channel_payload.py [--mb 128] [--repeats 6]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import struct
import subprocess
import sys
import time
from pathlib import Path

from codeeff.sandbox.channel import Channel

ROOT = Path(__file__).resolve().parent.parent
WRITER = """
import os, sys
sys.path.insert(0, {root!r})
from codeeff import codec
payload = bytes({size})
out = os.dup(1)
while True:
    try:
        codec.read_frame(0)
    except EOFError:
        break
    codec.write_frame(out, {{"ok": True}}, payload)
"""


def bare_receive(fd: int) -> bytes:
    """One frame read with no framework: the header, then readv into one buffer."""
    (length,) = struct.unpack(">I", os.read(fd, 4))
    header = b""
    while len(header) < length:
        header += os.read(fd, length - len(header))
    size = json.loads(header)["payload_bytes"]
    data = bytearray(size)
    view, have = memoryview(data), 0
    while have < size:
        have += os.readv(fd, [view[have:]])
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=128)
    parser.add_argument("--repeats", type=int, default=6)
    args = parser.parse_args()
    size = args.mb << 20
    script = WRITER.format(root=str(ROOT), size=size)
    child = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, bufsize=0)  # fmt: skip
    channel = Channel(child.stdin.fileno(), child.stdout.fileno(), child.kill, lambda: "")
    seconds: dict[str, list[float]] = {"Channel.receive": [], "bare readv loop": []}
    for _ in range(args.repeats):
        for name in seconds:
            started = time.perf_counter()
            if name == "Channel.receive":
                _, payload = channel.request({"op": "send"}, 120.0)
            else:
                channel.send({"op": "send"})
                payload = bare_receive(child.stdout.fileno())
            seconds[name].append(time.perf_counter() - started)
            assert len(payload) == size
    child.stdin.close()
    child.wait()
    medians = {name: statistics.median(values) for name, values in seconds.items()}
    for name, median in medians.items():
        print(f"{name:18s} {median:.3f} s for {args.mb} MB ({args.mb / median:.0f} MB/s)")
    print(f"ratio Channel / bare: {medians['Channel.receive'] / medians['bare readv loop']:.2f}")


if __name__ == "__main__":
    main()
