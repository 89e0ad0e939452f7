"""seccomp filters for sandboxed workers, built by hand as classic BPF (no libseccomp).

Two users: the CPU zygote's children (sandbox/worker.py) get the full filter right
before candidate code runs; the GPU candidate worker (gpu/worker.py) gets a narrow one
at start, since its kernel compiler must still be spawned. Standard library only: this
file is bound into the sandbox beside the worker that imports it.
"""

from __future__ import annotations

import ctypes
import struct

PR_SET_NO_NEW_PRIVS = 38
PR_SET_DUMPABLE = 4
SECCOMP_SET_MODE_FILTER = 1
SECCOMP_FILTER_FLAG_SPEC_ALLOW = 4
SECCOMP_SYSCALL = {"x86_64": 317, "aarch64": 277}
SECCOMP_RET_ALLOW = 0x7FFF0000
SECCOMP_RET_KILL_PROCESS = 0x80000000
SECCOMP_RET_ERRNO = 0x00050000
EPERM = 1
ENOSYS = 38
CLONE_THREAD = 0x00010000
BPF_LD_W_ABS = 0x20
BPF_JEQ_K = 0x15
BPF_JGE_K = 0x35
BPF_JSET_K = 0x45
BPF_ALU_AND_K = 0x54
BPF_RET_K = 0x06
MAP_SHARED = 0x01  # also set in MAP_SHARED_VALIDATE
F_SETPIPE_SZ = 1031
MADV_PAGEOUT = 21

# Per architecture: audit arch, clone, clone3, and the syscalls that fail with EPERM:
# process creation and exec, tracing other processes, namespaces and mounts, CPU
# affinity, every kind of IPC object that could outlive the run (SysV shm, sem, msg,
# POSIX queues, keyrings), io_uring, bpf, userfaultfd and perf events; last, the places
# that hold memory outside the process's RSS, where peak memory would not see it:
# memfd_create, memfd_secret, socket and socketpair (socket buffers), process_madvise;
# then the writes of extended attributes (kernel memory outside RSS, and metadata that
# could outlive a file): setxattr, lsetxattr, fsetxattr, setxattrat; and the calls that
# change another process's settings, which later runs would inherit from the zygote:
# setpriority, sched_setparam, sched_setscheduler, sched_setattr, ioprio_set.
SECCOMP_TABLES = {
    "x86_64": (
        0xC000003E,
        56,
        435,
        (
            57,
            58,
            59,
            322,
            101,
            310,
            311,
            272,
            308,
            165,
            166,
            155,
            161,
            203,
            29,
            30,
            31,
            64,
            68,
            240,
            248,
            249,
            250,
            425,
            426,
            427,
            321,
            323,
            298,
            319,
            447,
            41,
            53,
            440,
            188,
            189,
            190,
            463,
            141,
            142,
            144,
            314,
            251,
        ),
    ),
    "aarch64": (
        0xC00000B7,
        220,
        435,
        (
            221,
            281,
            117,
            270,
            271,
            97,
            268,
            40,
            39,
            41,
            51,
            122,
            194,
            196,
            195,
            190,
            186,
            180,
            217,
            218,
            219,
            425,
            426,
            427,
            280,
            282,
            241,
            279,
            447,
            198,
            199,
            440,
            5,
            6,
            7,
            463,
            140,
            118,
            119,
            274,
            30,
        ),
    ),
}


def _bpf(code: int, jump_true: int, jump_false: int, k: int) -> bytes:
    return struct.pack("HBBI", code, jump_true, jump_false, k)


# sched_setaffinity: the GPU candidate may not leave the cores it was started on.
AFFINITY_NR = {"x86_64": 203, "aarch64": 122}

# (syscall, argument, mask, value, deny when equal): denied when argument & mask == value
# (or != value). Shared mappings keep their pages in a shared object that outlives the
# page-table entries (dropped with madvise or munmap of a duplicate), a pipe can grow to
# 1 MB, and pages pushed out to swap leave RSS: each would hold data that RSS, hence peak
# memory, does not show. prlimit64 on any process but the caller (pid 0) would set the
# zygote's limits, which every later child inherits (or break the zygote: a NOFILE of 3).
# mmap, fcntl, madvise and prlimit64 per arch.
ARGUMENT_RULES = {
    "x86_64": (
        (9, 3, MAP_SHARED, MAP_SHARED, True),
        (72, 1, 0xFFFFFFFF, F_SETPIPE_SZ, True),
        (28, 2, 0xFFFFFFFF, MADV_PAGEOUT, True),
        (302, 0, 0xFFFFFFFF, 0, False),
    ),
    "aarch64": (
        (222, 3, MAP_SHARED, MAP_SHARED, True),
        (25, 1, 0xFFFFFFFF, F_SETPIPE_SZ, True),
        (233, 2, 0xFFFFFFFF, MADV_PAGEOUT, True),
        (261, 0, 0xFFFFFFFF, 0, False),
    ),
}


def _argument_rule(
    number: int, index: int, mask: int, value: int, deny_when_equal: bool
) -> list[bytes]:
    """Deny `number` when the low word of argument `index`, masked, equals `value` (or
    differs from it); the syscall number is loaded again after, for the checks that follow."""
    return [
        _bpf(BPF_JEQ_K, 0, 4, number),
        _bpf(BPF_LD_W_ABS, 0, 0, 16 + 8 * index),  # seccomp_data.args[index], low word
        _bpf(BPF_ALU_AND_K, 0, 0, mask),
        _bpf(BPF_JEQ_K, 0, 1, value) if deny_when_equal else _bpf(BPF_JEQ_K, 1, 0, value),
        _bpf(BPF_RET_K, 0, 0, SECCOMP_RET_ERRNO | EPERM),
        _bpf(BPF_LD_W_ABS, 0, 0, 0),  # seccomp_data.nr
    ]


def seccomp_program(machine: str, gpu_worker: bool = False) -> bytes | None:
    """The BPF filter for this architecture, or None where we have no syscall table.

    The full filter (CPU children) allows clone only for threads, denies shared mappings,
    pipe resizing and paging out, and denies the table's syscalls; the GPU worker's denies only CPU
    affinity changes.
    """
    table = SECCOMP_TABLES.get(machine)
    if table is None:
        return None
    audit_arch, clone_nr, clone3_nr, denied = table
    program = [
        _bpf(BPF_LD_W_ABS, 0, 0, 4),  # seccomp_data.arch
        _bpf(BPF_JEQ_K, 1, 0, audit_arch),
        _bpf(BPF_RET_K, 0, 0, SECCOMP_RET_KILL_PROCESS),
        _bpf(BPF_LD_W_ABS, 0, 0, 0),  # seccomp_data.nr
    ]
    if machine == "x86_64":  # the x32 ABI would dodge the table
        program += [
            _bpf(BPF_JGE_K, 0, 1, 0x40000000),
            _bpf(BPF_RET_K, 0, 0, SECCOMP_RET_KILL_PROCESS),
        ]
    if gpu_worker:
        denied = (AFFINITY_NR[machine],)
    else:
        program += [
            # clone is allowed only for threads: a thread's CPU is charged to this process.
            _bpf(BPF_JEQ_K, 0, 4, clone_nr),
            _bpf(BPF_LD_W_ABS, 0, 0, 16),  # low word of args[0] (flags)
            _bpf(BPF_JSET_K, 0, 1, CLONE_THREAD),
            _bpf(BPF_RET_K, 0, 0, SECCOMP_RET_ALLOW),
            _bpf(BPF_RET_K, 0, 0, SECCOMP_RET_ERRNO | EPERM),
            # clone3 hides its flags in memory; ENOSYS makes libc fall back to clone.
            _bpf(BPF_JEQ_K, 0, 1, clone3_nr),
            _bpf(BPF_RET_K, 0, 0, SECCOMP_RET_ERRNO | ENOSYS),
        ]
        for rule in ARGUMENT_RULES[machine]:
            program += _argument_rule(*rule)
    for number in denied:
        program += [_bpf(BPF_JEQ_K, 0, 1, number), _bpf(BPF_RET_K, 0, 0, SECCOMP_RET_ERRNO | EPERM)]
    program.append(_bpf(BPF_RET_K, 0, 0, SECCOMP_RET_ALLOW))
    return b"".join(program)


class SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


class SeccompInstaller:
    """Everything the filter needs, prepared in the zygote: a child makes one syscall.

    Work done in the child is charged to the candidate and, through copy-on-write
    faults, costs more than it looks; so the zygote sets no_new_privs for itself (the
    children inherit it) and resolves the libc call and its argument in advance.
    """

    def __init__(self, program: bytes, syscall_nr: int):
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "PR_SET_NO_NEW_PRIVS failed")
        self.buffer = ctypes.create_string_buffer(program, len(program))
        self.fprog = SockFprog(len(program) // 8, ctypes.cast(self.buffer, ctypes.c_void_p))
        self.argument = ctypes.byref(self.fprog)
        self.syscall = libc.syscall
        self.syscall_nr = syscall_nr

    def install(self) -> None:
        """Load the filter into the calling process (irrevocable, inherited by threads).

        SPEC_ALLOW: without it the kernel turns on speculative-store-bypass mitigation
        for the filtered process, which slows ordinary code by a variable amount.
        """
        flags = SECCOMP_FILTER_FLAG_SPEC_ALLOW
        if self.syscall(self.syscall_nr, SECCOMP_SET_MODE_FILTER, flags, self.argument):
            raise OSError(ctypes.get_errno(), "seccomp(SET_MODE_FILTER) failed")
