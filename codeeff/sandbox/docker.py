"""The `docker` backend: the local backend's sandbox, inside one container per sandbox.

The container (from the image `sandbox/` builds: Debian's Python, numpy and bubblewrap,
nothing of the project) is started once per sandbox and kept for its runs. Inside it
the same bwrap command as the local backend's starts the same zygote (its files bound
read-only from the installed package), which forks one child per measured run; the
harness talks to it over a Unix socket in a bound folder, so a run costs what it costs
locally (no `docker exec` per run), and CPU time comes from the zygote's wait4 and the
container's cgroup, as locally.

Container limits: no network, read-only root, a small tmpfs /tmp, memory (no swap),
pids, the sandbox's core (cpuset), no new privileges, every capability dropped, a
non-root user (uid 10001, an unprivileged host uid: no user namespace remapping
needed), and a seccomp profile made from the project's policy (`container_seccomp`).
Docker's masking of /proc paths is turned off (`MaskedPaths`, `ReadonlyPaths`, as
`--security-opt systempaths=unconfined`): with it, the kernel refuses the fresh /proc
that bwrap mounts for the sandbox's PID namespace. The files it masked stay root-only
to the container's user, and the sandbox's own /proc is read-only to the candidate.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import socket
import tempfile
import time
from pathlib import Path

from codeeff.sandbox.base import Guarantees, SandboxError, SandboxLimits
from codeeff.sandbox.cgroups import SandboxCgroup
from codeeff.sandbox.channel import Channel
from codeeff.sandbox.local import (
    PIDS_PER_SANDBOX_EXTRA,
    LocalBackend,
    LocalSandbox,
    bwrap_arguments,
    sandbox_memory_bytes,
)

IMAGE_ENV = "CODEEFF_DOCKER_IMAGE"
SANDBOX_UID = 10001  # the image's `sandbox` user
SOCKET_DIR_IN_CONTAINER = "/run/codeeff"
ZYGOTE_DIR_IN_CONTAINER = "/codeeff-src"
# The image's layout (Debian bookworm: /bin, /sbin and /lib are links into /usr).
IMAGE_SYSTEM_ARGS = [
    "--ro-bind", "/usr", "/usr", "--symlink", "usr/bin", "/bin", "--symlink", "usr/sbin",
    "/sbin", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
    "--ro-bind", "/etc/ld.so.cache", "/etc/ld.so.cache",
]  # fmt: skip
IMAGE_PACKAGE_ARGS = ["--ro-bind", "/usr/lib/python3/dist-packages/numpy", "/codeeff/site/numpy"]
IMAGE_PYTHON = "/usr/bin/python3"
CONTAINER_MEMORY_EXTRA_MB = 32  # bwrap's parent process (the launcher became it by exec)
# The policy's calls (syscall_filter) that neither bwrap nor the zygote makes while
# setting up: refused to the whole container. The rest of the policy (fork, exec,
# namespaces, mounts, sockets, CPU affinity) is what the set-up needs; the zygote
# applies the whole policy to every run's child before candidate code, as locally.
CONTAINER_REFUSED_SYSCALLS = (
    "ptrace", "process_vm_readv", "process_vm_writev", "shmget", "shmat", "shmctl",
    "semget", "msgget", "mq_open", "add_key", "request_key", "keyctl", "io_uring_setup",
    "io_uring_enter", "io_uring_register", "bpf", "userfaultfd", "perf_event_open",
    "memfd_secret", "process_madvise", "setxattr", "lsetxattr", "fsetxattr",
    "setpriority", "sched_setparam", "sched_setscheduler", "sched_setattr", "ioprio_set",
)  # fmt: skip
START_TIMEOUT_S = 60.0
# The launcher: the socket the harness listens on becomes the zygote's fds 0 and 1, and
# address-space randomisation is turned off for what it execs, as the local backend does
# (local.same_memory_layout: otherwise each container carries its own layout luck, and
# the self-ratio of one solution spread 0.95-1.07 instead of 0.98-1.02).
LAUNCHER = (
    "import ctypes, json, os, socket, sys\n"
    "ctypes.CDLL(None).personality(0x0040000)\n"
    "s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)\n"
    "s.connect(sys.argv[1])\n"
    "os.dup2(s.fileno(), 0)\n"
    "os.dup2(s.fileno(), 1)\n"
    "s.close()\n"
    "os.execv('/usr/bin/bwrap', ['bwrap', *json.loads(sys.argv[2])])\n"
)


def container_seccomp() -> str:
    """The container's seccomp profile (Docker's JSON format)."""
    return json.dumps({
        "defaultAction": "SCMP_ACT_ALLOW",
        "syscalls": [{"names": list(CONTAINER_REFUSED_SYSCALLS), "action": "SCMP_ACT_ERRNO",
                      "errnoRet": 1}],
    })  # fmt: skip


def recipe_tag(recipe: Path) -> str:
    """The image tag the recipe in `recipe` (the repository's sandbox/) builds: its
    version is a hash of the recipe files, so a changed recipe asks for a new image."""
    script = recipe / "build_offline.sh"
    if not script.exists():
        raise SandboxError(f"no image recipe in {recipe}")
    import subprocess

    done = subprocess.run(["bash", str(script), "--print-tag"], capture_output=True, text=True,
                          timeout=30)  # fmt: skip
    if done.returncode != 0 or not done.stdout.strip():
        raise SandboxError(f"{script} failed: {done.stderr.strip()[:300]}")
    return done.stdout.strip()


def default_image() -> str:
    """$CODEEFF_DOCKER_IMAGE, else the tag of the recipe beside the package (a checkout)."""
    if os.environ.get(IMAGE_ENV):
        return os.environ[IMAGE_ENV]
    recipe = Path(__file__).resolve().parents[2] / "sandbox"
    if recipe.is_dir():
        return recipe_tag(recipe)
    raise SandboxError(
        f"no sandbox image named: set {IMAGE_ENV}, or build one with the repository's "
        "sandbox/build_offline.sh (see sandbox/README.md)"
    )


@functools.lru_cache(maxsize=1)
def _client():
    try:
        import docker
    except ImportError as error:
        raise SandboxError("the docker backend needs `pip install codeeff[docker]`") from error
    try:
        client = docker.from_env(timeout=120)
        client.ping()
    except Exception as error:  # no daemon, no permission: said, with the fix
        raise SandboxError(
            f"Docker is not reachable ({type(error).__name__}: {error}); start dockerd "
            "(or join the docker group)"
        ) from error
    return client


class DockerBackend(LocalBackend):
    """Sandboxes made of one container each, with the local sandbox inside it (opened as
    the local backend opens its own; nothing of the host's bwrap or cgroups is used)."""

    name = "docker"

    def __init__(self, image: str | None = None) -> None:  # not the local probe: no super()
        self.client = _client()
        self.image = image or default_image()
        try:
            self.client.images.get(self.image)
        except Exception as error:
            raise SandboxError(
                f"the sandbox image {self.image} is not built: run sandbox/build_offline.sh "
                f"(or docker build sandbox/) ({type(error).__name__})"
            ) from error
        self._warned = False
        self.start_s: list[float] = []  # container start to the zygote's hello, per sandbox

    def guarantees(self) -> Guarantees:
        return Guarantees(cgroup_memory=True, cgroup_pids=True, cgroup_cpu_accounting=True)

    def _new_sandbox(self, limits: SandboxLimits, cpu: int | None) -> DockerSandbox:
        return DockerSandbox(self, limits, cpu)


class DockerSandbox(LocalSandbox):
    """A LocalSandbox whose bwrap tree runs in a container of its own."""

    container_id: str | None = None
    _folder: str | None = None

    def _command(self) -> list[str]:
        zygote = {name: f"{ZYGOTE_DIR_IN_CONTAINER}/{name}"
                  for name in ("worker.py", "codec.py", "syscall_filter.py")}  # fmt: skip
        return bwrap_arguments(self.limits, IMAGE_SYSTEM_ARGS, zygote, IMAGE_PACKAGE_ARGS,
                               IMAGE_PYTHON)  # fmt: skip

    def _start(self, backend: DockerBackend, cpu: int | None) -> None:
        here = Path(__file__).resolve().parent
        sources = {"worker.py": here / "worker.py", "codec.py": here.parent / "codec.py",
                   "syscall_filter.py": here / "syscall_filter.py"}  # fmt: skip
        self._folder = tempfile.mkdtemp(prefix="codeeff-docker-")
        path = os.path.join(self._folder, "zygote.sock")
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            listener.bind(path)
            listener.listen(1)
            if os.geteuid() == 0:  # only the container's user may connect
                os.chown(self._folder, SANDBOX_UID, SANDBOX_UID)
                os.chown(path, SANDBOX_UID, SANDBOX_UID)
            os.chmod(self._folder, 0o700)
            started = time.perf_counter()
            self._create_container(backend, cpu, sources)
            self.connection = self._accept(listener, backend)
        finally:
            listener.close()
        fd = self.connection.fileno()
        self.channel = Channel(fd, fd, self.close, self._stderr_tail)
        self.cgroup = SandboxCgroup.of_process(self._container_pid(backend))
        self.guarantees.cgroup_memory = "memory" in self.cgroup.dirs
        self.guarantees.cgroup_pids = "pids" in self.cgroup.dirs
        self.guarantees.cgroup_cpu_accounting = "cpuacct" in self.cgroup.dirs
        self._handshake()
        backend.start_s.append(time.perf_counter() - started)

    def _create_container(self, backend: DockerBackend, cpu: int | None,
                          sources: dict[str, Path]) -> None:  # fmt: skip
        api = backend.client.api
        memory = sandbox_memory_bytes(self.limits) + (CONTAINER_MEMORY_EXTRA_MB << 20)
        binds = {self._folder: {"bind": SOCKET_DIR_IN_CONTAINER, "mode": "rw"}}
        for name, source in sources.items():
            binds[str(source)] = {"bind": f"{ZYGOTE_DIR_IN_CONTAINER}/{name}", "mode": "ro"}
        host_config = api.create_host_config(
            binds=binds, network_mode="none", read_only=True,
            tmpfs={"/tmp": f"size={self.limits.tmpfs_mb}m,mode=1777"},
            mem_limit=memory, memswap_limit=memory,
            # The launcher execs bwrap: bwrap, the zygote and the child, as locally.
            pids_limit=self.limits.threads + PIDS_PER_SANDBOX_EXTRA,
            cpuset_cpus=str(cpu) if cpu is not None else None,
            cap_drop=["ALL"],
            security_opt=["no-new-privileges", f"seccomp={container_seccomp()}"],
        )  # fmt: skip
        host_config["MaskedPaths"] = []  # see the module docstring
        host_config["ReadonlyPaths"] = []
        created = api.create_container(
            backend.image, user=f"{SANDBOX_UID}:{SANDBOX_UID}", host_config=host_config,
            command=[IMAGE_PYTHON, "-S", "-c", LAUNCHER, f"{SOCKET_DIR_IN_CONTAINER}/zygote.sock",
                     json.dumps(self._command())],
            environment={}, working_dir="/tmp", hostname="sandbox", network_disabled=True,
            labels={"codeeff.sandbox": str(os.getpid())},
        )  # fmt: skip
        self.container_id = created["Id"]
        api.start(self.container_id)

    def _accept(self, listener: socket.socket, backend: DockerBackend) -> socket.socket:
        """The launcher's connection; a container that exits first is an error, with its log."""
        deadline = time.monotonic() + START_TIMEOUT_S
        listener.settimeout(0.05)
        while time.monotonic() < deadline:
            try:
                connection, _ = listener.accept()
                connection.setblocking(True)
                return connection
            except TimeoutError:
                state = backend.client.api.inspect_container(self.container_id)["State"]
                if not state.get("Running"):
                    raise SandboxError(
                        f"the sandbox container exited ({state.get('ExitCode')}): "
                        f"{self._stderr_tail()}"
                    ) from None
        raise SandboxError(f"the sandbox container did not start in {START_TIMEOUT_S:.0f} s")

    def _container_pid(self, backend: DockerBackend) -> int:
        return int(backend.client.api.inspect_container(self.container_id)["State"]["Pid"])

    def _stderr_tail(self) -> str:
        if self.container_id is None:
            return "(closed)"
        try:
            logs = _client().api.logs(self.container_id, stdout=True, stderr=True, tail=40)
        except Exception as error:  # the container is gone already
            return f"(no log: {type(error).__name__})"
        return logs[-2000:].decode("utf-8", "replace").strip()

    def close(self) -> None:
        connection = getattr(self, "connection", None)
        if connection is not None:
            connection.close()
            self.connection = None
        if self.container_id is not None:
            try:
                _client().api.remove_container(self.container_id, force=True)
            except Exception:  # gone already; stale ones go by label (remove_stale)
                pass
            self.container_id = None
        if self.cgroup is not None:
            self.cgroup.remove()
            self.cgroup = None
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None


def remove_stale() -> int:
    """Remove sandbox containers left by codeeff processes that died; returns how many."""
    removed = 0
    for container in _client().containers.list(all=True, filters={"label": "codeeff.sandbox"}):
        owner = container.labels.get("codeeff.sandbox", "")
        if owner.isdigit() and not os.path.exists(f"/proc/{owner}"):
            container.remove(force=True)
            removed += 1
    return removed
