"""The Docker backend for tests: started when this machine can, else a clear skip.

CI sets CODEEFF_REQUIRE_DOCKER=1 (it installs Docker, starts dockerd and builds the
image first: sandbox/setup_docker.sh), and then a missing Docker fails instead of
skipping, so the Docker tests can never skip their way to green there.
"""

from __future__ import annotations

import functools
import os

import pytest

from codeeff.sandbox.base import SandboxError


@functools.cache
def _docker_backend():
    from codeeff.sandbox.docker import DockerBackend

    try:
        return DockerBackend(), ""
    except SandboxError as error:
        return None, str(error)


def docker_backend_or_skip():
    backend, why = _docker_backend()
    if backend is not None:
        return backend
    message = f"the docker backend is not available here: {why}"
    if os.environ.get("CODEEFF_REQUIRE_DOCKER") == "1":
        pytest.fail(message + " (CODEEFF_REQUIRE_DOCKER=1)")
    pytest.skip(message)
