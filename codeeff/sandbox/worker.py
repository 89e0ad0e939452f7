"""The zygote that runs INSIDE the sandbox (standard library only).

It is PID 1 of the sandbox's PID namespace, so a candidate cannot kill it, and it
never runs candidate code itself: it compiles the candidate once, decodes inputs, and
for every measured run forks a fresh child that loads the candidate, calls the entry
point and writes the encoded result to a pipe. The zygote reaps the child with wait4,
so CPU time and peak memory come from the kernel's accounting of that child; the
child's own clocks are never read. Between runs it wipes /tmp and /dev/shm, so no
state survives from one run to the next.

Protocol with the harness, on fds 0 (in) and 1 (out): codec's frames.
"""

from __future__ import annotations

import ctypes
import gc
import os
import platform
import re
import resource
import select
import signal
import sys
import time
import traceback
import types

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
SCRATCH_DIRS = ("/tmp", "/dev/shm")


def set_not_dumpable() -> bool:
    """Forbid ptrace and /proc/<pid>/mem access to this process by same-uid processes."""
    try:
        return ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0
    except OSError:
        return False


# --- the child --------------------------------------------------------------------


def run_child(code, entry_point: str, args: tuple, request: dict, result_fd: int, seccomp) -> None:
    """Runs in the forked child: limits, seccomp, then the candidate. Never returns."""
    try:
        for fd in (0, 1, 2):
            os.dup2(PROCESS_FILES["devnull"], fd)
        os.closerange(3, result_fd)
        os.closerange(result_fd + 1, 1 << 16)
        cpu_s = int(request["cpu_limit_s"]) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s))
        for name, value in request.get("rlimits", {}).items():
            resource.setrlimit(getattr(resource, name), (value, value))
        if seccomp is not None:
            seccomp.install()
    except BaseException as error:  # the sandbox is broken, not the candidate
        os.write(result_fd, b"S" + f"child setup failed: {error!r}".encode()[:ERROR_TEXT_LIMIT])
        os._exit(70)
    try:
        module = types.ModuleType("solution")
        module.__file__ = "/tmp/solution.py"
        sys.modules["solution"] = module
        exec(code, module.__dict__)
        function = module.__dict__.get(entry_point)
        if not callable(function):
            raise NameError(f"the solution does not define a function {entry_point!r}")
        result = function(*args)
        try:
            data = b"R" + codec.encode(result, request["output_limit_bytes"])
        except codec.OutputTooLarge as error:
            data = b"O" + str(error).encode()
        except codec.CodecError as error:
            data = b"C" + str(error).encode()[:ERROR_TEXT_LIMIT]
        codec.write_all(result_fd, data)
        os._exit(0)
    except BaseException:  # SystemExit and KeyboardInterrupt are failures too
        text = traceback.format_exc(limit=8)[-ERROR_TEXT_LIMIT:]
        try:
            os.write(result_fd, b"E" + text.encode("utf-8", "replace"))
        finally:
            os._exit(1)


# --- the zygote -------------------------------------------------------------------


def wipe_scratch() -> None:
    """Empty the writable dirs, even entries the candidate made unreadable."""
    for root in SCRATCH_DIRS:
        if os.path.isdir(root):
            _wipe_dir(root)


def _wipe_dir(path: str) -> None:
    try:
        entries = list(os.scandir(path))
    except PermissionError:
        os.chmod(path, 0o700)
        entries = list(os.scandir(path))
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            os.chmod(entry.path, 0o700)
            _wipe_dir(entry.path)
            os.rmdir(entry.path)
        else:
            os.unlink(entry.path)


def process_cpu_clock(pid: int) -> int:
    """The kernel's CPU-time clock of a whole process (what clock_getcpuclockid returns)."""
    return ((~pid) << 3) | 2  # CPUCLOCK_SCHED of the process, all threads summed


def _cpu_seconds(clock: int) -> float:
    try:
        return time.clock_gettime(clock)
    except OSError:  # the child is already gone
        return 0.0


# Opened once by the zygote (fewer syscalls and copy-on-write faults per run).
PROCESS_FILES: dict[str, int] = {}
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def open_process_files() -> None:
    PROCESS_FILES["devnull"] = os.open("/dev/null", os.O_RDWR)
    PROCESS_FILES["statm"] = os.open("/proc/self/statm", os.O_RDONLY)


def current_rss_kb() -> int:
    return int(os.pread(PROCESS_FILES["statm"], 256, 0).split()[1]) * PAGE_KB


def measure_child(code, entry_point, args, request, seccomp) -> tuple[dict, bytes]:
    """Fork one child for one run, wait for it within the wall limit, reap it."""
    read_fd, write_fd = os.pipe()
    base_rss_kb = current_rss_kb()
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        run_child(code, entry_point, args, request, write_fd, seccomp)
    os.close(write_fd)
    deadline = started + request["wall_limit_s"]
    limit = request["output_limit_bytes"] + 1 + ERROR_TEXT_LIMIT
    pidfd = os.pidfd_open(pid)
    poller = select.poll()
    poller.register(read_fd, select.POLLIN)
    poller.register(pidfd, select.POLLIN)
    chunks, size, reason, exited, pipe_open = [], 0, None, False, True
    cpu_clock = process_cpu_clock(pid)
    cpu_limit_s = request["cpu_limit_s"]
    while pipe_open or not exited:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            reason = "wall_limit"
            break
        cpu_left = cpu_limit_s - _cpu_seconds(cpu_clock)
        if cpu_left <= 0 and not exited:
            reason = "cpu_limit"
            break
        # CPU time grows no faster than wall time per thread, so waiting `cpu_left`
        # cannot overshoot the CPU limit by more than one short re-check.
        wait_s = min(remaining, max(cpu_left, 0.001))
        for fd, _ in poller.poll(wait_s * 1000):
            if fd == pidfd:
                exited = True
                poller.unregister(pidfd)
            else:
                chunk = os.read(read_fd, 1 << 20)
                if not chunk:
                    pipe_open = False
                    poller.unregister(read_fd)
                    continue
                chunks.append(chunk)
                size += len(chunk)
                if size > limit:
                    reason = "output_limit"
                    break
        if reason:
            break
        if exited and pipe_open:  # the child is gone: drain what is left, then stop
            remaining_data = _drain(read_fd, limit - size)
            chunks.append(remaining_data)
            size += len(remaining_data)
            pipe_open = False
    if reason:
        os.kill(pid, signal.SIGKILL)
    _, status, usage = os.wait4(pid, 0)
    wall_s = time.monotonic() - started
    os.close(read_fd)
    os.close(pidfd)
    wipe_scratch()
    data = b"".join(chunks)
    header = {
        "op": "result",
        "kind": data[:1].decode("ascii", "replace") if data else "",
        "killed_for": reason,
        "exit_code": os.waitstatus_to_exitcode(status),
        "user_s": usage.ru_utime,
        "sys_s": usage.ru_stime,
        "maxrss_kb": usage.ru_maxrss,
        "base_rss_kb": base_rss_kb,
        "child_wall_s": wall_s,
    }
    return header, data[1:]


def _drain(fd: int, budget: int) -> bytes:
    """Read what a dead child left in the pipe, at most budget + 1 bytes."""
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


def serve(in_fd: int, out_fd: int) -> None:
    """The zygote's loop: one request frame in, one response frame out."""
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
    hello = {
        "op": "hello",
        "python": sys.version.split()[0],
        "pid": os.getpid(),
        "preloaded": loaded,
        "seccomp": program is not None,
        "not_dumpable": set_not_dumpable(),
    }
    gc.collect()
    gc.freeze()  # children do not copy-on-write the zygote's objects when they collect
    codec.write_frame(out_fd, hello)
    code, entry_point, inputs = None, None, {}
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
        elif op == "input":
            try:
                inputs[request["key"]] = tuple(codec.decode(payload))
                gc.freeze()
                codec.write_frame(out_fd, {"op": "stored", "ok": True})
            except codec.CodecError as error:
                codec.write_frame(out_fd, {"op": "stored", "ok": False, "error": str(error)})
        elif op == "run" and code is None:
            codec.write_frame(out_fd, {"op": "error", "ok": False, "error": "no solution loaded"})
        elif op == "run":
            header, data = measure_child(
                code, entry_point, inputs[request["key"]], request, seccomp
            )
            codec.write_frame(out_fd, header, data)
        elif op == "forget":
            inputs.pop(request["key"], None)
            codec.write_frame(out_fd, {"op": "forgotten", "ok": True})
        else:
            codec.write_frame(out_fd, {"op": "error", "ok": False, "error": f"unknown op {op!r}"})


if __name__ == "__main__":
    serve(0, 1)
