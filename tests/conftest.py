"""Shared fixtures: one local backend per test session (probing the host is not free)."""

from __future__ import annotations

import pytest

from codeeff.sandbox.base import RunResult, SandboxLimits
from codeeff.sandbox.local import LocalBackend, default_cpu


@pytest.fixture(scope="session")
def local_backend() -> LocalBackend:
    return LocalBackend()


@pytest.fixture(scope="session")
def backend(local_backend) -> LocalBackend:
    """The default backend (test_sandbox_attacks.py runs against every backend)."""
    return local_backend


@pytest.fixture(scope="session")
def run_solution(backend):
    """Run `source`'s entry point `f` on each argument tuple in one sandbox, in order."""
    return make_runner(backend)


def make_runner(backend):
    """run(source, *arg_tuples, ...): `source`'s entry point `f` on each argument tuple,
    in order, in one sandbox of `backend`."""

    def run(
        source: str,
        *arg_tuples: tuple,
        cpu_limit_s: float = 2.0,
        wall_limit_s: float | None = None,
        limits: SandboxLimits | None = None,
    ) -> list[RunResult]:
        arg_tuples = arg_tuples or ((),)
        limits = limits or SandboxLimits(memory_mb=256)
        with backend.open(source, "f", limits, cpu=default_cpu()) as sandbox:
            results = []
            for key, args in enumerate(arg_tuples):
                sandbox.add_input(key, args)
                results.append(sandbox.run(key, cpu_limit_s, wall_limit_s or cpu_limit_s * 2 + 1))
            return results

    return run
