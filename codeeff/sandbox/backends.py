"""The sandbox backends by name (`--backend`): `local` (bubblewrap, the default) and
`docker` (one container per sandbox, the same sandbox inside; docker.py)."""

from __future__ import annotations

from codeeff.sandbox.base import SandboxBackend

NAMES = ("local", "docker")
DEFAULT = "local"


def get(name: str) -> SandboxBackend:
    """A new backend object (each probes its host once)."""
    if name == "local":
        from codeeff.sandbox.local import LocalBackend

        return LocalBackend()
    if name == "docker":
        from codeeff.sandbox.docker import DockerBackend

        return DockerBackend()
    raise ValueError(f"unknown sandbox backend {name!r} (known: {', '.join(NAMES)})")
