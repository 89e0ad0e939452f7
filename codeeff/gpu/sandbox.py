"""How a GPU worker process is started: inside bubblewrap when the host allows it.

The candidate's worker gets the same isolation as a CPU sandbox where it can (new user,
PID, network, IPC namespaces; read-only system; no project files; a private /tmp for
Triton's cache) plus the GPU device nodes and the Python packages torch and Triton
need, and a seccomp filter that keeps it on the cores it was given. CPU time and
memory cgroups are not applied: a CUDA process maps far more virtual memory than it
uses, and GPU time is what is measured. If bwrap cannot start here, the worker runs as
a plain process and the run records sandboxed = false.
"""

from __future__ import annotations

import functools
import glob
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from codeeff.sandbox.local import (
    find_bwrap,
    python_executable,
    system_binds,
    unprivileged_launch,
)

HERE = Path(__file__).resolve().parent
TMPFS_BYTES = 4 << 30


def package_dirs() -> list[str]:
    """The interpreter's package folders (torch, triton and the NVIDIA wheels live there)."""
    return [
        p for p in sys.path if p.endswith(("site-packages", "dist-packages")) and os.path.isdir(p)
    ]


def _worker_args(worker: str) -> list[str]:
    sites = [arg for path in package_dirs() for arg in ("--site", path)]
    return [python_executable(), "-I", "-S", "-B", worker, *sites]


def _bwrap_command(env: dict[str, str]) -> list[str]:
    command = [
        find_bwrap(), "--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent",
        "--new-session", "--uid", "1000", "--gid", "1000", "--cap-drop", "ALL",
        *system_binds(),
        "--ro-bind", str(HERE / "worker.py"), "/codeeff/gpu/worker.py",
        "--ro-bind", str(HERE / "output_wire.py"), "/codeeff/gpu/output_wire.py",
        "--ro-bind", str(HERE / "torch_rule.py"), "/codeeff/gpu/torch_rule.py",
        "--ro-bind", str(HERE.parent / "codec.py"), "/codeeff/codec.py",
        "--ro-bind", str(HERE.parent / "sandbox" / "syscall_filter.py"),
        "/codeeff/sandbox/syscall_filter.py",
        "--proc", "/proc", "--dev", "/dev", "--ro-bind-try", "/sys", "/sys",
        "--size", str(TMPFS_BYTES), "--tmpfs", "/tmp",
        # A user name: the sandbox's uid has no passwd entry, and torch's lazy imports
        # (torch._dynamo, on a dispatch mode's first use) ask getpass.getuser() for one.
        "--clearenv", "--setenv", "HOME", "/tmp", "--setenv", "PATH", "/usr/bin:/bin",
        "--setenv", "USER", "codeeff", "--setenv", "LOGNAME", "codeeff",
        "--setenv", "TRITON_CACHE_DIR", "/tmp/triton", "--chdir", "/tmp",
    ]  # fmt: skip
    for path in package_dirs():
        command += ["--ro-bind", path, path]
    for device in sorted(glob.glob("/dev/nvidia*")) + sorted(glob.glob("/dev/dri/*")):
        command += ["--dev-bind", device, device]
    for name, value in env.items():
        command += ["--setenv", name, value]
    return command + _worker_args("/codeeff/gpu/worker.py") + ["--confine"]


@functools.lru_cache(maxsize=1)
def bwrap_works() -> bool:
    """Whether a bwrap tree with the GPU binds starts here (probed once), as the worker's
    would: as an unprivileged host uid when codeeff runs as root."""
    try:
        probe = _bwrap_command({})
        probe = probe[: probe.index(python_executable())] + ["/bin/true"]
        command, drop_privileges = unprivileged_launch(probe)
        return (
            subprocess.run(
                command, capture_output=True, timeout=30, preexec_fn=drop_privileges
            ).returncode
            == 0
        )
    except Exception:  # no bwrap, no user namespaces, a bind that fails
        return False


def worker_command(
    sandboxed: bool, env: dict[str, str]
) -> tuple[list[str], bool, Callable[[], None]]:
    """(argv, whether it is sandboxed, the step its launcher runs before exec) for a GPU
    worker; `env` is set inside the sandbox. A sandboxed worker never runs as host root:
    the bwrap user namespace maps its user to the host uid bwrap started as."""
    if sandboxed and bwrap_works():
        command, drop_privileges = unprivileged_launch(_bwrap_command(env))
        return command, True, drop_privileges
    if sandboxed:
        print(
            "codeeff: WARNING: the GPU worker cannot be sandboxed on this host (bwrap failed); "
            "it runs as a plain process and results record sandboxed = false",
            file=sys.stderr,
        )
    return _worker_args(str(HERE / "worker.py")), False, lambda: None
