"""The zygote that runs INSIDE the sandbox (standard library only).

It is PID 1 of the sandbox's PID namespace, so a candidate cannot kill it, and it
never runs candidate code itself: it compiles the candidate once, decodes inputs, and
for every measured run forks a fresh child that loads the candidate, calls the entry
point and writes the encoded result to a pipe. CPU time and peak memory come from the
kernel's accounting of that child; the child's own clocks are read only before any
candidate code has run.

No state passes from one run to the next: each child finds a new, empty tmpfs on /tmp
and /dev/shm (the zygote detaches the last run's and mounts new ones before each fork, so
not even the directories' modes, timestamps or extended attributes survive), a
read-only /proc, and the same process id (the zygote resets the namespace's last pid
before each fork, so the ids that a run's threads used up tell the next run nothing).
The zygote keeps CAP_SYS_ADMIN in the sandbox's user namespace for this; each child
drops every capability before candidate code runs.

What the time charged to a run covers: from a checkpoint the child reads just before it
loads the candidate, to the moment the zygote has the whole answer (the child then waits,
stopped, for the zygote to read its CPU clock and kill it). So the fork, the set-up and
the process exit, costs that every run pays the same, are not charged; the candidate's
module code, its call and the encoding of its answer are.

A solution is a function (loaded with an entry point: each run calls it on a stored
argument tuple and sends back its encoded result) or a program (loaded without one: each
run executes the whole module as `__main__`, with a stored input text on fd 0 and fd 1
a fresh memory file that the zygote reads once the run is over).

Protocol with the harness, on fds 0 (in) and 1 (out): codec's frames.
"""

from __future__ import annotations

import array
import builtins
import ctypes
import fcntl
import gc
import os
import platform
import re
import resource
import select
import signal
import struct
import sys
import time
import traceback
import types
from typing import NoReturn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.append(os.path.join(HERE, "site"))  # offered packages (numpy), bound read-only
import codec  # noqa: E402  (copied beside this file in the sandbox)
from syscall_filter import (  # noqa: E402  (bound beside this file too)
    PR_SET_DUMPABLE,
    SECCOMP_SYSCALL,
    SeccompInstaller,
    seccomp_program,
)

# Modules a solution commonly imports: loaded once here, so importing them costs a
# candidate nothing and costs every candidate the same.
PRELOADED_MODULES = tuple(
    "array bisect collections copy dataclasses decimal fractions functools hashlib heapq "
    "itertools json math operator random re statistics string typing threading".split()
)
# Heavy packages the sandbox offers: imported by the zygote only for a solution that
# imports them. Each one enlarges every forked child (numpy adds about 0.4 ms of page
# tables per run here), so a solution that does not use it should not pay for it.
OPTIONAL_PRELOADED_MODULES = ("numpy",)

ERROR_TEXT_LIMIT = 4000
SETUP_MESSAGE_LIMIT = 4096
# Scratch file systems of each run: sizes come from the harness; inodes are capped too,
# since empty files and directories take kernel memory that peak RSS does not show.
SCRATCH_DIRS = (b"/tmp", b"/dev/shm")
SCRATCH_INODES = 2048
# Every child is forked right after the namespace's last pid is set to this: it and its
# threads get the same ids in every run.
LAST_PID_BEFORE_FORK = b"1"

MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND = 32, 4096
MNT_DETACH, EINVAL = 2, 22
LINUX_CAPABILITY_VERSION_3 = 0x20080522


def set_not_dumpable() -> bool:
    """Forbid ptrace and /proc/<pid>/mem access to this process by same-uid processes."""
    try:
        return ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0
    except OSError:
        return False


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [
        ("effective", ctypes.c_uint32),
        ("permitted", ctypes.c_uint32),
        ("inheritable", ctypes.c_uint32),
    ]


OPEN_TREE_SYSCALL = 428  # the same number on every architecture (added in Linux 5.2)
OPEN_TREE_CLONE = 1


def open_for_writing_beside_proc(path: str) -> int:
    """Open a /proc file for writing through a detached copy of the /proc mount.

    A file open for writing makes a later read-only remount of its mount fail (EBUSY);
    opened through a clone of the mount that no path leads to, it does not count
    against /proc, and no child can reach the clone (its fds are closed in the child).
    """
    libc = ctypes.CDLL(None, use_errno=True)
    tree = libc.syscall(OPEN_TREE_SYSCALL, -100, b"/proc", OPEN_TREE_CLONE | os.O_CLOEXEC)
    if tree < 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"cloning the /proc mount: {os.strerror(errno)}")
    try:
        return os.open(path, os.O_WRONLY | os.O_CLOEXEC, dir_fd=tree)
    finally:
        os.close(tree)


class RunIsolation:
    """What makes every run start from the same state, set up by the zygote.

    Once: /proc read-only for everyone in the sandbox (the zygote keeps the one file it
    writes, ns_last_pid, open from before). Before each fork: fresh, empty tmpfs on
    /tmp and /dev/shm (the previous run's are detached, with everything in them,
    their modes, timestamps and extended attributes), and the namespace's last pid
    reset. The child shares the zygote's mount namespace but drops every capability,
    so it cannot mount or unmount anything. (A mount namespace per child did the same
    at about twice the cost per run: copying and tearing down ~20 mounts.)
    """

    def __init__(self, scratch_bytes: int):
        libc = ctypes.CDLL(None, use_errno=True)
        self.libc = libc
        self.scratch_options = f"size={scratch_bytes},nr_inodes={SCRATCH_INODES},mode=1777".encode()
        self.cap_header = _CapHeader(LINUX_CAPABILITY_VERSION_3, 0)
        self.cap_data = (_CapData * 2)()
        self.last_pid_fd = open_for_writing_beside_proc("sys/kernel/ns_last_pid")
        # Remounting keeps the flags /proc was mounted with (a user namespace may not clear
        # them); statvfs's ST_* flags have the values of the MS_* ones.
        proc_flags = os.statvfs("/proc").f_flag & (MS_NOSUID | MS_NODEV | MS_NOEXEC)
        flags = MS_REMOUNT | MS_BIND | MS_RDONLY | proc_flags
        self._check(self.libc.mount(None, b"/proc", None, flags, None), "read-only /proc")

    def before_fork(self) -> None:
        for target in SCRATCH_DIRS:
            if self.libc.umount2(target, MNT_DETACH) != 0 and ctypes.get_errno() != EINVAL:
                self._check(-1, f"detaching the last run's {target.decode()}")
            self._check(
                self.libc.mount(
                    b"tmpfs", target, b"tmpfs", MS_NOSUID | MS_NODEV, self.scratch_options
                ),
                f"tmpfs on {target.decode()}",
            )
        os.pwrite(self.last_pid_fd, LAST_PID_BEFORE_FORK, 0)

    def _check(self, status: int, what: str) -> None:
        if status != 0:
            errno = ctypes.get_errno()
            raise OSError(errno, f"{what}: {os.strerror(errno)}")

    def enter(self) -> None:
        """In the child: in the fresh scratch, without any capability."""
        os.chdir("/tmp")
        self._check(
            self.libc.capset(ctypes.byref(self.cap_header), self.cap_data), "dropping capabilities"
        )


# --- the child --------------------------------------------------------------------

_CPU_NOW = time.clock_gettime
_PROCESS_CPU = time.CLOCK_PROCESS_CPUTIME_ID


def run_child(
    code, entry_point: str | None, args, request: dict, fds: tuple[int, int], isolation,
    seccomp, streams: tuple[int, int] | None = None, pages: array.array | None = None,
) -> None:  # fmt: skip
    """Runs in the forked child: set-up, checkpoint, then the candidate. Never returns.

    `args` is the call's argument tuple, or for a batch request a list of them. A program
    (`entry_point` None) gets `streams`, the (input, output) memory files for its fds 0
    and 1, instead.

    Set-up failures go to the set-up pipe, which is closed before the candidate runs: a
    sample cannot write there, so nothing it sends can pass for a harness fault.
    """
    result_fd, setup_fd = fds
    try:
        isolation.enter()
        for fd, source in zip((0, 1, 2), streams or (), strict=False):
            os.dup2(source, fd)
        for fd in (0, 1, 2)[len(streams or ()) :]:
            os.dup2(PROCESS_FILES["devnull"], fd)
        low, high = sorted(fds)
        os.closerange(3, low)
        os.closerange(low + 1, high)
        os.closerange(high + 1, 1 << 16)
        # No RLIMIT_CPU: the zygote stops the child at its limit (a kill by the zygote is
        # TLE by construction), and the limit would start the process's CPU timer, from
        # which the process clock is then read: it lags the true figure by the run time
        # since the last scheduler event (0.1-0.4 ms here), and the kernel's rlimit check
        # ran ~6% ahead of wait4's figure (a child killed at 1.88 s of a 1.98 s limit).
        rlimits = dict(request.get("rlimits", {}))
        if streams is not None:
            # A program's output past the limit fails to write (EFBIG; Python ignores
            # SIGXFSZ), one byte after the limit: the zygote then sees it was over.
            rlimits["RLIMIT_FSIZE"] = request["output_limit_bytes"] + 1
            program_streams()
        for name, value in rlimits.items():
            resource.setrlimit(getattr(resource, name), (value, value))
        if seccomp is not None:
            seccomp.install()
        checkpoint = bytearray(b"+" + bytes(CHECKPOINT_BYTES))
        warm_up(request["output_limit_bytes"])
        own_code_pages(code)
        if pages is not None:
            own_pages(pages)
        struct.pack_into("=d", checkpoint, 1, _CPU_NOW(_PROCESS_CPU))
        os.write(setup_fd, checkpoint)
        os.close(setup_fd)
    except BaseException as error:  # the sandbox is broken, not the candidate
        os.write(setup_fd, b"S" + f"child setup failed: {error!r}".encode()[:ERROR_TEXT_LIMIT])
        os._exit(70)
    if entry_point is None:
        run_program(code, result_fd)
    try:
        module = types.ModuleType("solution")
        module.__file__ = "/tmp/solution.py"
        sys.modules["solution"] = module
        exec(code, module.__dict__)
        function = entry_callable(module.__dict__, entry_point)
        if request.get("batch"):
            answer_batch(function, args, request["output_limit_bytes"], result_fd)
            data = []
        else:
            data = answer(function, args, request["output_limit_bytes"])
    except BaseException:  # SystemExit and KeyboardInterrupt are failures too
        data = [failure_frame()]
    end_run(result_fd, data)


def entry_callable(namespace: dict, entry_point: str):
    """What a run calls: the solution's function, or for "Class.method" (LeetCode's form)
    that method of a fresh instance per call, as LeetCode's judge makes one per test (the
    instance is the solution's own work, so it is made inside the timed call)."""
    owner, _, method = entry_point.rpartition(".")
    target = namespace.get(owner or method)
    if owner and isinstance(target, type) and callable(getattr(target, method, None)):
        return lambda *args: getattr(target(), method)(*args)
    if not owner and callable(target):
        return target
    raise NameError(f"the solution does not define {entry_point!r}")


def program_streams() -> None:
    """A program's standard streams, made before the checkpoint: text files on fds 0 and 1
    (the input file, shared with the zygote, is read from its start in every run), stderr
    discarded."""
    os.lseek(0, 0, os.SEEK_SET)
    sys.stdin = sys.__stdin__ = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stdout = sys.__stdout__ = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stderr = sys.__stderr__ = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    builtins.exit = builtins.quit = sys.exit  # the site module's, which `python -S` lacks


def run_program(code, result_fd: int) -> None:
    """Run a whole program as `__main__`; its answer is what it wrote to fd 1. The result
    pipe says how it ended: "P" (it ran to the end, or called sys.exit() / exit(0)), or
    "E" and the traceback. Never returns."""
    module = types.ModuleType("__main__")
    module.__file__ = "/tmp/solution.py"
    sys.modules["__main__"] = module
    try:
        try:
            exec(code, module.__dict__)
        except SystemExit as stop:
            if stop.code not in (None, 0):
                raise
        sys.stdout.flush()
        data = [b"P"]
    except BaseException:
        data = [failure_frame()]
    end_run(result_fd, data)


def end_run(result_fd: int, data: list[bytes | memoryview]) -> NoReturn:
    """Send the run's last frame (its pieces in turn), then wait, stopped, until the
    zygote has read this process's CPU clock and kills it."""
    try:
        for part in data:
            codec.write_all(result_fd, part)
        os.close(result_fd)
        while True:  # stopped until the zygote has read this process's CPU clock
            signal.pause()
    finally:
        os._exit(1)


def answer(function, args: tuple, output_limit_bytes: int) -> list[bytes | memoryview]:
    """One call's answer as the result pipe carries it: a kind byte, then its payload, in
    pieces written in turn (never joined: a copy of a large answer costs its faults)."""
    try:
        result = function(*args)
    except BaseException:
        return [failure_frame()]
    try:
        return [b"R", *codec.encode_parts(result, output_limit_bytes)]
    except codec.OutputTooLarge as error:
        return [b"O" + str(error).encode()]
    except codec.CodecError as error:
        return [b"C" + str(error).encode()[:ERROR_TEXT_LIMIT]]


def failure_frame() -> bytes:
    text = traceback.format_exc(limit=8)[-ERROR_TEXT_LIMIT:]
    return b"E" + text.encode("utf-8", "replace")


def answer_batch(function, calls: list[tuple], output_limit_bytes: int, result_fd: int) -> None:
    """Answer several inputs in this one process (the correctness gate: hundreds of small
    cases, where a fork each cost more than the calls). Each answer is written as soon as
    it is made (codec.batch_answer): if the process dies or is stopped, the answers
    before are there and the case it was on is known."""
    for args in calls:
        for part in codec.batch_answer(answer(function, args, output_limit_bytes)):
            codec.write_all(result_fd, part)


WARM_UP_CODE = compile("def f(*args):\n    return None\n", "/tmp/solution.py", "exec")


# The null run's module: every step of a run with no work in it (the harness subtracts
# its time, the costs every run pays, from the candidate's).
NULL_CODE = compile("def f():\n    return None\n", "/tmp/solution.py", "exec")


def warm_up(output_limit_bytes: int) -> None:
    """The steps of every run around the candidate's code, done once before the
    checkpoint: the copy-on-write faults of the interpreter's pages that any run touches
    (module creation, exec, a call, encoding and writing an answer) are then not charged."""
    module = types.ModuleType("solution")
    module.__file__ = "/tmp/solution.py"
    sys.modules["solution"] = module
    exec(WARM_UP_CODE, module.__dict__)
    function = module.__dict__.get("f")
    warm = [function(None, 1, 1.5, "s", [1], (1,), {1: 1}), [1] * codec.BINARY_MIN_MEMBERS]
    for value in warm:  # the JSON and the binary path
        for part in [b"R", *codec.encode_parts(value, output_limit_bytes)]:
            codec.write_all(2, part)  # /dev/null by now (fd 1 may be a program's output)
    del sys.modules["solution"]


PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")
CONTAINERS = (list, tuple, set, frozenset)


def object_pages(args) -> array.array:
    """The pages holding the headers of every object of an input (found once, when the
    zygote stores it): where a run's reference counting writes as it reads the input."""
    pages, seen, stack = set(), set(), [args]
    while stack:
        value = stack.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        pages.add(id(value) // PAGE_BYTES)
        if isinstance(value, CONTAINERS):
            stack.extend(value)
        elif isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
    return array.array("Q", sorted(pages))


def own_pages(pages: array.array) -> None:
    """Copy into this process, before the checkpoint, the pages of the input's objects:
    reading an object writes its reference count, and each first write to a page shared
    with the zygote is a copy-on-write fault (~3 us here), 25-30 ns per element of a
    large list, which the candidate and the expert would both be charged for, so that
    every ratio of a large input would lean towards 1. The bytes are written back
    unchanged."""
    move = ctypes.memmove
    for page in pages:
        address = page * PAGE_BYTES
        move(address, address, 1)


def own_code_pages(code) -> None:
    """Copy into this process, before the checkpoint, the pages of the solution's code
    objects: the interpreter rewrites a code object's bytecode in place as it
    specialises it, and each first write to a page shared with the zygote is a
    copy-on-write fault (~3 us here) that a run would otherwise be charged for, the
    null baseline (whose code is another object) not. The bytes are written back
    unchanged."""
    stack = [code]
    while stack:
        current = stack.pop()
        ctypes.memmove(id(current), id(current), sys.getsizeof(current))
        stack.extend(c for c in current.co_consts if isinstance(c, types.CodeType))


# --- the zygote -------------------------------------------------------------------


def process_cpu_clock(pid: int) -> int:
    """The kernel's CPU-time clock of a whole process (what clock_getcpuclockid returns)."""
    return ((~pid) << 3) | 2  # CPUCLOCK_SCHED of the process, all threads summed


def _cpu_seconds(clock: int) -> float | None:
    try:
        return time.clock_gettime(clock)
    except OSError:  # the child is already gone
        return None


# Opened once by the zygote (fewer syscalls and copy-on-write faults per run).
PROCESS_FILES: dict[str, int] = {}
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def open_process_files() -> None:
    PROCESS_FILES["devnull"] = os.open("/dev/null", os.O_RDWR)
    PROCESS_FILES["statm"] = os.open("/proc/self/statm", os.O_RDONLY)


def current_rss_kb() -> int:
    return int(os.pread(PROCESS_FILES["statm"], 256, 0).split()[1]) * PAGE_KB


# A child killed after its answer is reaped at the start of the next run: its exit (the
# teardown of its mount namespace) takes ~2 ms of mostly waiting, which the harness's
# own work between runs then covers. Reaped before the next fork, so it holds no
# process id the next child could otherwise get.
UNREAPED: list[int] = []


def reap_previous_child() -> None:
    while UNREAPED:
        os.waitpid(UNREAPED.pop(), 0)


def peak_rss_kb(pid: int) -> int | None:
    """The process's peak RSS (what wait4 would report), read while it is still alive."""
    try:
        with open(f"/proc/{pid}/status", "rb") as handle:
            for line in handle:
                if line.startswith(b"VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


_LIBC_FORK = ctypes.CDLL(None, use_errno=True).fork


def bare_fork() -> int:
    """fork(2) without Python's after-fork work in the child (os.fork runs the modules'
    at-fork handlers: threading's, random's reseeding ...), which wrote to ~170 more of
    the zygote's pages per run, each a copy-on-write fault (~3 us here). The zygote is
    single-threaded and holds no lock but the GIL when it forks, so the child's
    interpreter state is consistent without it; a child sees the zygote's random state
    and thread ids, the same in every run."""
    pid = _LIBC_FORK()
    if pid < 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"fork: {os.strerror(errno)}")
    return pid


def measure_child(
    code, entry_point, args, request, isolation, seccomp, program_input: int | None = None,
    pages: array.array | None = None,
) -> tuple[dict, bytes]:  # fmt: skip
    """Fork one child for one run, wait for its answer within the limits, reap it.

    A program (`entry_point` None) reads `program_input` (a sealed memory file; /dev/null
    if None) and writes to a memory file made for this run, which becomes its answer."""
    reap_previous_child()
    streams = None
    if entry_point is None:
        output = os.memfd_create("stdout", os.MFD_CLOEXEC)
        streams = (PROCESS_FILES["devnull"] if program_input is None else program_input, output)
    result_read, result_write = os.pipe()
    setup_read, setup_write = os.pipe()
    base_rss_kb = current_rss_kb()
    isolation.before_fork()
    started = time.monotonic()
    pid = bare_fork()
    if pid == 0:
        os.close(result_read)
        os.close(setup_read)
        run_child(code, entry_point, args, request, (result_write, setup_write), isolation,
                  seccomp, streams, pages)  # fmt: skip
    os.close(result_write)
    os.close(setup_write)
    deadline = started + request["wall_limit_s"]
    limit = request["output_limit_bytes"] + 1 + ERROR_TEXT_LIMIT
    pidfd = os.pidfd_open(pid)
    poller = select.poll()
    # Not the set-up pipe: waking the zygote (on this core) when the checkpoint arrives
    # would cost the child a context switch and cold caches inside its measured window.
    # The pipe is read without waiting before each check of the limit instead: the child
    # writes its checkpoint long before the limit can be reached.
    for fd in (result_read, pidfd):
        poller.register(fd, select.POLLIN)
    os.set_blocking(setup_read, False)
    chunks, size, reason, exited, answered = [], 0, None, False, False
    setup = bytearray()
    cpu_clock = process_cpu_clock(pid)
    cpu_limit_s = request["cpu_limit_s"]
    end_s = None
    while not (answered or exited):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            reason = "wall_limit"
            break
        if len(setup) < 1 + CHECKPOINT_BYTES:
            setup += _drain(setup_read, SETUP_MESSAGE_LIMIT - len(setup))
        used_s = _cpu_seconds(cpu_clock)
        cpu_left = cpu_limit_s - ((used_s or 0.0) - (_checkpoint_s(bytes(setup)) or 0.0))
        if cpu_left <= 0:
            reason = "cpu_limit"
            break
        # CPU time grows no faster than wall time per thread, so waiting `cpu_left`
        # cannot overshoot the CPU limit by more than one short re-check.
        wait_s = min(remaining, max(cpu_left, 0.001))
        for fd, _ in poller.poll(wait_s * 1000):
            if fd == pidfd:
                exited = True
            else:
                chunk = os.read(result_read, 1 << 20)
                chunks.append(chunk)
                size += len(chunk)
                if size > limit:
                    reason = "output_limit"
                    break
                if not chunk:  # the whole answer is here: the child waits to be read
                    end_s = _cpu_seconds(cpu_clock)
                    answered = True
        if reason:
            break
    peak_kb = peak_rss_kb(pid) if answered and end_s is not None and not exited else None
    if not exited:
        os.kill(pid, signal.SIGKILL)
    if peak_kb is not None:  # all measured: the child's exit is not waited for
        UNREAPED.append(pid)
        exit_code, total_s = None, end_s
    else:
        _, status, usage = os.wait4(pid, 0)
        exit_code, total_s = os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime
        peak_kb = usage.ru_maxrss
    wall_s = time.monotonic() - started
    if exited:  # it ended by itself: what it left in the pipes is all there is
        chunks.append(_drain(result_read, limit - size))
    setup += _drain(setup_read, SETUP_MESSAGE_LIMIT - len(setup))
    for fd in (result_read, setup_read, pidfd):
        os.close(fd)
    data = b"".join(chunks)
    if streams is not None:
        data, reason = _program_answer(
            data, streams[1], exit_code, reason, request["output_limit_bytes"]
        )
    header = {
        "op": "result",
        "setup": _setup_outcome(bytes(setup)),
        "kind": data[:1].decode("ascii", "replace") if data else "",
        "killed_for": reason,
        "exit_code": exit_code,  # None: killed by the zygote once its answer was read
        "total_cpu_s": total_s,
        "charged_s": _charged_s(bytes(setup), end_s, total_s),
        "maxrss_kb": peak_kb,
        "base_rss_kb": base_rss_kb,
        "child_wall_s": wall_s,
    }
    return header, data[1:]


def _program_answer(
    data: bytes, output: int, exit_code: int | None, reason: str | None, limit: int
) -> tuple[bytes, str | None]:
    """A program's result frame and kill reason, from how it ended and what it wrote: its
    output is the answer if it ran to the end ("P"), or exited by itself with code 0
    (os._exit(0) skips the end); output over the limit is OLE whatever the ending."""
    try:
        size = os.fstat(output).st_size
        if size > limit:
            return data, reason or "output_limit"
        if data == b"P" or (not data and exit_code == 0 and reason is None):
            return b"P" + os.pread(output, size, 0), reason
        return data, reason
    finally:
        os.close(output)


CHECKPOINT_BYTES = struct.calcsize("=d")


def _checkpoint_s(message: bytes) -> float | None:
    """The child's CPU clock at its checkpoint, from a complete set-up message."""
    if len(message) == 1 + CHECKPOINT_BYTES and message[:1] == b"+":
        return struct.unpack("=d", message[1:])[0]
    return None


def _setup_outcome(message: bytes) -> str:
    """The set-up outcome: "ok", the child's error text, or "" if it died before saying."""
    if _checkpoint_s(message) is not None:
        return "ok"
    if message[:1] == b"S":
        return message[1:].decode("utf-8", "replace")
    return ""


def _charged_s(setup: bytes, end_s: float | None, total_s: float) -> float | None:
    """CPU from the child's checkpoint to its answer; without an answer read while the
    child waited, to its end (its exit is then charged too, as the candidate chose)."""
    started_s = _checkpoint_s(setup)
    if started_s is None:
        return None
    return max(0.0, (total_s if end_s is None else end_s) - started_s)


def _drain(fd: int, budget: int) -> bytes:
    """Read what is in a pipe now (a dead child's last words), at most budget + 1 bytes."""
    os.set_blocking(fd, False)
    chunks, size = [], 0
    while size <= budget:
        try:
            chunk = os.read(fd, 1 << 20)
        except BlockingIOError:
            break
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def preload_modules(names) -> list[str]:
    loaded = []
    for name in names:
        try:
            __import__(name)
            loaded.append(name)
        except ImportError:
            pass
    return loaded


def preload_used_packages(source: str) -> None:
    """Import the offered packages that `source` imports, before any child is forked."""
    wanted = [
        name for name in OPTIONAL_PRELOADED_MODULES
        if re.search(rf"^\s*(import|from)\s+{name}\b", source, re.MULTILINE)
    ]  # fmt: skip
    if preload_modules(wanted):
        gc.collect()
        gc.freeze()


# Run once through the same child path as every candidate: what a candidate could write
# in /proc, and which host uid its user id stands for.
PROBE_SOURCE = """
import os
def probe(paths):
    writable = []
    for path in paths:
        try:
            os.close(os.open(path, os.O_WRONLY))
            writable.append(path)
        except OSError:
            pass
    with open("/proc/self/uid_map") as handle:
        host_uids = [int(line.split()[1]) for line in handle]
    return writable, host_uids
"""
# Files that change the host or other processes if written (the test suite tries more).
PROBED_CONTROL_FILES = (
    "/proc/sys/kernel/core_pattern",
    "/proc/sys/vm/drop_caches",
    "/proc/sysrq-trigger",
    "/proc/1/clear_refs",
    "/proc/1/oom_score_adj",
    "/proc/sys/kernel/ns_last_pid",
)


def probe_child(isolation, seccomp) -> dict:
    """Facts about the candidate's view, seen from inside a child set up as for a run."""
    request = {
        "cpu_limit_s": 5.0, "wall_limit_s": 10.0, "output_limit_bytes": 1 << 16,
        "rlimits": {},
    }  # fmt: skip
    code = compile(PROBE_SOURCE, "/codeeff/probe.py", "exec")
    header, data = measure_child(code, "probe", (PROBED_CONTROL_FILES,), request, isolation,
                                 seccomp)  # fmt: skip
    if header["setup"] != "ok" or header["kind"] != "R":
        return {"error": header["setup"] or data.decode("utf-8", "replace")[-ERROR_TEXT_LIMIT:]}
    writable, host_uids = codec.decode(data)
    return {"writable_control_files": writable, "host_uids": host_uids}


# A program's input file is sealed: no run can change what a later run reads.
INPUT_SEALS = fcntl.F_SEAL_WRITE | fcntl.F_SEAL_GROW | fcntl.F_SEAL_SHRINK | fcntl.F_SEAL_SEAL


def program_input(args) -> int:
    """A program's input, an argument tuple holding its text (str or bytes), as a sealed
    memory file (its fd), read by each run from its start (program_streams)."""
    if len(args) != 1 or not isinstance(args[0], (str, bytes)):
        raise TypeError("a program's input is one str or bytes")
    text = args[0].encode("utf-8") if isinstance(args[0], str) else args[0]
    fd = os.memfd_create("stdin", os.MFD_CLOEXEC | os.MFD_ALLOW_SEALING)
    try:
        view = memoryview(text)
        while view:
            view = view[os.write(fd, view) :]
        fcntl.fcntl(fd, fcntl.F_ADD_SEALS, INPUT_SEALS)
    except BaseException:
        os.close(fd)
        raise
    return fd


def forget_input(inputs: dict, key, input_pages: dict | None = None) -> None:
    """Drop a stored input (and its pages); a program's input file is closed."""
    if input_pages is not None:
        input_pages.pop(key, None)
    stored = inputs.pop(key, None)
    if isinstance(stored, int):
        os.close(stored)


def serve(in_fd: int, out_fd: int, scratch_bytes: int) -> None:
    """The zygote's loop: one request frame in, one response frame out."""
    os.closerange(3, 1 << 16)  # whatever bwrap passed on (the harness's bind fds) goes
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    try:  # children inherit this: the OOM killer takes the biggest, which is the child
        with open("/proc/self/oom_score_adj", "w") as handle:
            handle.write("1000")
    except OSError:
        pass
    loaded = preload_modules(PRELOADED_MODULES)
    open_process_files()
    machine = platform.machine()
    program = seccomp_program(machine)
    seccomp = SeccompInstaller(program, SECCOMP_SYSCALL[machine]) if program else None
    isolation = RunIsolation(scratch_bytes)
    hello = {
        "op": "hello",
        "python": sys.version.split()[0],
        "pid": os.getpid(),
        "preloaded": loaded,
        "seccomp": program is not None,
        "not_dumpable": set_not_dumpable(),
        "probe": probe_child(isolation, seccomp),
    }
    gc.collect()
    gc.freeze()  # children do not copy-on-write the zygote's objects when they collect
    codec.write_frame(out_fd, hello)
    code, entry_point, inputs, input_pages = None, None, {}, {}
    while True:
        try:
            request, payload = codec.read_frame(in_fd)
        except EOFError:
            return
        op = request.get("op")
        if op == "load":
            try:
                source = payload.decode("utf-8")
                code = compile(source, "/tmp/solution.py", "exec")
                entry_point = request["entry_point"]
                preload_used_packages(source)
                codec.write_frame(out_fd, {"op": "loaded", "ok": True})
            except (
                SyntaxError,
                ValueError,
                UnicodeDecodeError,
                RecursionError,
                MemoryError,
            ) as error:
                codec.write_frame(
                    out_fd,
                    {"op": "loaded", "ok": False, "error": f"{type(error).__name__}: {error}"},
                )
        elif op == "inputs":
            try:
                for key, args in codec.decode(payload):
                    forget_input(inputs, key, input_pages)
                    if entry_point is None:
                        inputs[key] = program_input(args)
                    else:
                        inputs[key] = tuple(args)
                        input_pages[key] = object_pages(inputs[key])
                gc.freeze()
                codec.write_frame(out_fd, {"op": "stored", "ok": True})
            except (codec.CodecError, TypeError, ValueError, OSError) as error:
                codec.write_frame(out_fd, {"op": "stored", "ok": False, "error": str(error)})
        elif op == "run" and code is None:
            codec.write_frame(out_fd, {"op": "error", "ok": False, "error": "no solution loaded"})
        elif op == "run" and request.get("null"):
            null_entry = None if entry_point is None else "f"  # a program's null run is a program
            header, data = measure_child(NULL_CODE, null_entry, (), request, isolation, seccomp)
            codec.write_frame(out_fd, header, data)
        elif op == "run":
            keys = request["keys"] if request.get("batch") else [request["key"]]
            missing = [key for key in keys if key not in inputs]
            if missing:  # the harness's mistake: said, and the sandbox stays usable
                codec.write_frame(out_fd, {"op": "error", "error": f"no input {missing}"})
                continue
            if entry_point is None and request.get("batch"):
                codec.write_frame(out_fd, {"op": "error", "error": "a program runs one input"})
                continue
            args = [inputs[key] for key in keys] if request.get("batch") else inputs[keys[0]]
            if entry_point is None:
                header, data = measure_child(code, None, (), request, isolation, seccomp, args)
            else:
                pages = None if request.get("batch") else input_pages.get(keys[0])
                header, data = measure_child(code, entry_point, args, request, isolation,
                                             seccomp, pages=pages)  # fmt: skip
            codec.write_frame(out_fd, header, data)
        elif op == "forget":
            for key in request["keys"]:
                forget_input(inputs, key, input_pages)
            codec.write_frame(out_fd, {"op": "forgotten", "ok": True})
        else:
            codec.write_frame(out_fd, {"op": "error", "ok": False, "error": f"unknown op {op!r}"})


if __name__ == "__main__":
    serve(0, 1, scratch_bytes=int(sys.argv[1]))
