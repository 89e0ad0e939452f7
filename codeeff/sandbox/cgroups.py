"""Per-sandbox control groups (v1 or v2): memory limit, pids limit, CPU accounting, cpuset.

The harness, which never runs candidate code, creates one group per sandbox beside its
own group, moves the sandbox's first process into it before exec, reads the group's
CPU usage and OOM-kill count around each run, and removes the group at the end. Where the
host does not allow a controller, that controller is simply absent and the backend
records the missing guarantee.
"""

from __future__ import annotations

import itertools
import os
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path

CONTROLLERS = ("memory", "pids", "cpuacct", "cpuset")
_counter = itertools.count()


def _v1_mounts() -> dict[str, Path]:
    """Controller name -> mount point of each cgroup v1 hierarchy."""
    mounts = {}
    with open("/proc/self/mounts") as handle:
        for line in handle:
            _, mount_point, fs_type, options, *_ = line.split()
            if fs_type != "cgroup":
                continue
            for option in options.split(","):
                if option in CONTROLLERS:
                    mounts[option] = Path(mount_point)
    return mounts


def _own_paths() -> dict[str, str]:
    """Controller name (or "" for v2) -> this process's group path."""
    return _paths_of("self")


def _paths_of(pid: int | str) -> dict[str, str]:
    """Controller name (or "" for v2) -> the group path of process `pid`."""
    paths = {}
    with open(f"/proc/{pid}/cgroup") as handle:
        for line in handle:
            _, names, path = line.rstrip("\n").split(":", 2)
            for name in names.split(",") if names else [""]:
                paths[name] = path
    return paths


def _v2_root() -> Path | None:
    with open("/proc/self/mounts") as handle:
        for line in handle:
            _, mount_point, fs_type, *_ = line.split()
            if fs_type == "cgroup2":
                return Path(mount_point)
    return None


def _writable_parent(base: Path) -> Path | None:
    """A directory under which this process may create groups: its own group, or the root."""
    for candidate in (base, base.parent if base != base.parent else base):
        probe = candidate / f"codeeff-probe-{os.getpid()}-{next(_counter)}"
        try:
            probe.mkdir()
            probe.rmdir()
            return candidate
        except OSError:
            continue
    return None


@dataclass
class CgroupHost:
    """Where each controller's per-sandbox groups go; probed once per process."""

    version: int = 0
    parents: dict[str, Path] = field(default_factory=dict)  # controller -> parent dir

    @classmethod
    def probe(cls) -> CgroupHost:
        try:
            mounts, own = _v1_mounts(), _own_paths()
        except OSError:
            return cls()
        parents = {}
        for controller, mount_point in mounts.items():
            parent = _writable_parent(mount_point / own.get(controller, "/").lstrip("/"))
            if parent is not None:
                parents[controller] = parent
        if parents:
            return cls(1, parents)
        root = _v2_root()
        if root is None or "" not in own:
            return cls()
        base = root / own[""].lstrip("/")
        try:
            enabled = (base / "cgroup.subtree_control").read_text().split()
        except OSError:
            return cls()
        parent = _writable_parent(base)
        if parent is None:
            return cls()
        mapping = {"memory": "memory", "pids": "pids", "cpu": "cpuacct", "cpuset": "cpuset"}
        return cls(2, {mapping[name]: parent for name in enabled if name in mapping})

    def has(self, controller: str) -> bool:
        return controller in self.parents


class SandboxCgroup:
    """The groups of one sandbox. All methods are cheap file reads and writes."""

    owned = True  # made here (removed at the end), or another manager's (of_process)

    def __init__(self, host: CgroupHost, memory_bytes: int, pids_max: int, cpu: int | None):
        self.host = host
        name = f"codeeff-{os.getpid()}-{next(_counter)}"
        self.dirs: dict[str, Path] = {}
        for controller, parent in host.parents.items():
            path = parent / name
            if path not in self.dirs.values():
                path.mkdir()
            self.dirs[controller] = path
        if "memory" in self.dirs:
            self._set_memory_limit(memory_bytes)
        if "pids" in self.dirs:
            (self.dirs["pids"] / "pids.max").write_text(str(pids_max))
        if "cpuset" in self.dirs:
            self._set_cpuset(cpu)
        self._open_counters()

    @classmethod
    def of_process(cls, pid: int) -> SandboxCgroup:
        """The groups another manager made for process `pid` (a container's, made by
        Docker with the limits it was given): read like ours, never removed by us."""
        group = cls.__new__(cls)
        own = _paths_of(pid)
        mounts = _v1_mounts()
        if mounts:
            dirs = {c: m / own[c].lstrip("/") for c, m in mounts.items() if c in own}
            group.host = CgroupHost(1, {c: d.parent for c, d in dirs.items()})
        else:
            root = _v2_root()
            base = root / own.get("", "/").lstrip("/") if root else None
            dirs = {c: base for c in ("memory", "pids", "cpuacct", "cpuset")} if base else {}
            group.host = CgroupHost(2 if base else 0, {c: d.parent for c, d in dirs.items()})
        group.dirs = {c: d for c, d in dirs.items() if d.is_dir()}
        group.owned = False
        group._open_counters()
        return group

    def _open_counters(self) -> None:
        self._fds: list[int] = []
        self._cpu_fd = self._counter_fd("cpuacct", "cpuacct.usage", "cpu.stat")
        self._oom_fd = self._counter_fd("memory", "memory.oom_control", "memory.events")

    def _set_memory_limit(self, memory_bytes: int) -> None:
        path = self.dirs["memory"]
        if self.host.version == 1:
            (path / "memory.limit_in_bytes").write_text(str(memory_bytes))
            swap_limit = path / "memory.memsw.limit_in_bytes"
            if swap_limit.exists():
                swap_limit.write_text(str(memory_bytes))
        else:
            (path / "memory.max").write_text(str(memory_bytes))
            (path / "memory.swap.max").write_text("0")

    def _set_cpuset(self, cpu: int | None) -> None:
        path = self.dirs["cpuset"]
        if self.host.version == 1:  # v1 groups start with no CPUs and no memory nodes
            mems = (path.parent / "cpuset.mems").read_text().strip()
            (path / "cpuset.mems").write_text(mems)
        cpus = str(cpu) if cpu is not None else (path.parent / "cpuset.cpus").read_text().strip()
        if cpus:
            (path / "cpuset.cpus").write_text(cpus)

    def attach(self, pid: int) -> None:
        """Move `pid` into every group (call in the child before exec)."""
        for path in dict.fromkeys(self.dirs.values()):
            (path / "cgroup.procs").write_text(str(pid))

    def _counter_fd(self, controller: str, v1_name: str, v2_name: str) -> int | None:
        """An fd kept open on a counter file: re-read with pread, no open per run."""
        path = self.dirs.get(controller)
        if path is None:
            return None
        fd = os.open(path / (v1_name if self.host.version == 1 else v2_name), os.O_RDONLY)
        self._fds.append(fd)
        return fd

    def cpu_usage_s(self) -> float | None:
        if self._cpu_fd is None:
            return None
        text = os.pread(self._cpu_fd, 4096, 0).decode()
        if self.host.version == 1:
            return int(text) / 1e9
        for line in text.splitlines():
            key, value = line.split()
            if key == "usage_usec":
                return int(value) / 1e6
        return None

    def oom_kills(self) -> int:
        if self._oom_fd is None:
            return 0
        for line in os.pread(self._oom_fd, 4096, 0).decode().splitlines():
            key, _, value = line.partition(" ")
            if key == "oom_kill":
                return int(value)
        return 0

    def remove(self) -> None:
        """Kill whatever is left in the groups, then delete them (ours only)."""
        for fd in self._fds:
            os.close(fd)
        self._fds.clear()
        if not self.owned:
            return
        for path in dict.fromkeys(self.dirs.values()):
            remove_group(path)


def remove_group(path: Path, timeout_s: float = 5.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            pids = (path / "cgroup.procs").read_text().split()
        except FileNotFoundError:
            return
        for pid in pids:
            try:
                os.kill(int(pid), signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            path.rmdir()
            return
        except FileNotFoundError:
            return
        except OSError:  # busy until the killed processes are reaped
            time.sleep(0.002)


def remove_stale_groups(host: CgroupHost) -> None:
    """Remove groups left by codeeff processes that died without cleaning up."""
    for parent in set(host.parents.values()):
        for path in parent.glob("codeeff-*-*"):
            owner = path.name.split("-")[1]
            if owner.isdigit() and not os.path.exists(f"/proc/{owner}"):
                remove_group(path)
