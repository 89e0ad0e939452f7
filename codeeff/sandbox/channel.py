"""The harness side of a pipe pair to a sandboxed process: codec frames with timeouts.

A process that stops answering is killed (by the owner's `on_timeout`), never waited
for forever; a process that dies shows up as a closed channel with its stderr tail.
"""

from __future__ import annotations

import json
import os
import select
import struct
import time
from collections.abc import Callable

from codeeff import codec
from codeeff.sandbox.base import SandboxError

READ_CHUNK_BYTES = 1 << 16


class Channel:
    def __init__(self, to_fd: int, from_fd: int, on_timeout: Callable[[], None],
                 describe_exit: Callable[[], str]):  # fmt: skip
        self.to_fd, self.from_fd = to_fd, from_fd
        self.on_timeout, self.describe_exit = on_timeout, describe_exit
        self.buffer = bytearray()  # read ahead: a whole answer usually takes one read
        self.poller = select.poll()
        self.poller.register(from_fd, select.POLLIN)

    def send(self, header: dict, payload: bytes = b"") -> None:
        try:
            codec.write_frame(self.to_fd, header, payload)
        except OSError as error:
            raise SandboxError(f"the sandboxed process is gone: {self.describe_exit()}") from error

    def _read_exact(self, size: int, deadline: float) -> bytes:
        buffer = self.buffer
        while len(buffer) < size:
            remaining_ms = (deadline - time.monotonic()) * 1000
            if remaining_ms <= 0 or not self.poller.poll(remaining_ms):
                self.on_timeout()
                raise SandboxError("the sandboxed process did not answer in time; killed")
            chunk = os.read(self.from_fd, max(size - len(buffer), READ_CHUNK_BYTES))
            if not chunk:
                raise SandboxError(
                    f"the sandboxed process closed the channel: {self.describe_exit()}"
                )
            buffer += chunk
        data = bytes(buffer[:size])
        del buffer[:size]
        return data

    def receive(self, timeout_s: float) -> tuple[dict, bytes]:
        deadline = time.monotonic() + timeout_s
        (length,) = struct.unpack(">I", self._read_exact(4, deadline))
        header = json.loads(self._read_exact(length, deadline))
        size = header.get("payload_bytes", 0)
        return header, self._read_exact(size, deadline) if size else b""

    def request(self, header: dict, timeout_s: float, payload: bytes = b"") -> tuple[dict, bytes]:
        self.send(header, payload)
        return self.receive(timeout_s)
