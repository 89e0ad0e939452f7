"""The Ray executor on a real two-node Ray cluster on this machine (two raylets, 1 CPU each).

Every job is measured and stored once, on pinned cores of both nodes; a node killed mid-run
(its raylet SIGKILLed) loses nothing: its job runs again on the node left.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from codeeff.evaluate import EvaluateConfig, evaluate
from codeeff.executors.jobs import MeasureJob
from codeeff.executors.ray_cluster import CORE_LOCKS, RayExecutorError, run_ray
from codeeff.measure import MeasureConfig
from codeeff.store import Store
from tests.fixtures.mini_suite import EXPERT, WRONG, write_mini_suite

FAST = MeasureConfig(min_repeats=3, max_repeats=4)
RAY = Path(sys.executable).parent / "ray"
# The test clusters listen on every interface: only a process holding this token may join
# or drive them. Explicit, so that a ~/.ray/auth_token left by a local ray.init() (which
# `ray start --head` takes up, and a joining node does not) changes nothing. A process reads
# it once, when it imports ray: one token serves every cluster this process starts.
AUTH = {"RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": secrets.token_hex(32)}


def _free_ports(count: int) -> list[int]:
    with ExitStack() as stack:
        sockets = [stack.enter_context(socket.socket()) for _ in range(count)]
        for sock in sockets:
            sock.bind(("", 0))
        return [sock.getsockname()[1] for sock in sockets]


def _session_pids(session: int) -> list[int]:
    """The processes of a session: a node's `ray start` and every daemon it left."""
    pids = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and int(_stat(int(entry.name))[3]) == session:
                pids.append(int(entry.name))
        except OSError:
            pass  # gone since
    return pids


def _comm(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return ""


def _stat(pid: int) -> list[str]:
    """/proc/PID/stat's fields after the command name: state, parent, group, session..."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def _alive(pid: int) -> bool:
    try:
        return _stat(pid)[0] != "Z"
    except OSError:
        return False


@dataclass
class LocalRayCluster:
    """A real Ray cluster on this machine: one raylet per node, each started by `ray start`
    in a session of its own, so that exactly its processes can be killed (`ray stop` would
    kill every Ray process of the machine, other users' too)."""

    temp_dir: str = field(default_factory=lambda: tempfile.mkdtemp(prefix="codeeff-ray-"))
    address: str = ""
    sessions: list[int] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=lambda: dict(AUTH))

    def add_node(self, cpus: int = 1) -> int:
        """Start a node (the first is the head) offering `cpus` CPUs; returns its session."""
        head = not self.sessions
        ports = iter(_free_ports(8))
        command = [
            str(RAY), "start", "--num-cpus", str(cpus), "--disable-usage-stats",
            "--object-store-memory", str(100 << 20), "--include-log-monitor", "false",
            "--node-manager-port", str(next(ports)), "--object-manager-port", str(next(ports)),
            "--min-worker-port", "0", "--max-worker-port", "0",
            "--dashboard-agent-listen-port", str(next(ports)),
            "--dashboard-agent-grpc-port", str(next(ports)),
            "--runtime-env-agent-port", str(next(ports)),
            "--metrics-export-port", str(next(ports)),
        ]  # fmt: skip
        if head:
            self.address = f"127.0.0.1:{next(ports)}"
            command += [
                "--head", "--port", self.address.split(":")[1], "--temp-dir", self.temp_dir,
                "--include-dashboard", "false", "--dashboard-port", str(next(ports)),
            ]  # fmt: skip
        else:
            command += ["--address", self.address]
        starter = subprocess.Popen(
            command, start_new_session=True, env=dict(os.environ, **self.env),
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        )  # fmt: skip
        self.sessions.append(starter.pid)
        output = starter.communicate(timeout=120)[0].decode(errors="replace")
        if starter.returncode:
            raise RuntimeError(f"ray start failed ({starter.returncode}):\n{output[-3000:]}")
        return starter.pid

    def raylet(self, session: int) -> int:
        (pid,) = [pid for pid in _session_pids(session) if _comm(pid) == "raylet"]
        return pid

    def stop(self) -> None:
        for session in self.sessions:
            for pid in _session_pids(session):
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        shutil.rmtree(self.temp_dir, ignore_errors=True)


@pytest.fixture
def two_nodes(monkeypatch):
    for name, value in AUTH.items():
        monkeypatch.setenv(name, value)  # before ray is imported: the driver's token
    pytest.importorskip("ray", reason="the Ray executor's extra: pip install -e '.[ray]'")
    if len(os.sched_getaffinity(0)) < 2:
        pytest.skip("two nodes of one pinned core each need two cores")
    cluster = LocalRayCluster()
    try:
        cluster.add_node()
        cluster.add_node()
        yield cluster
    finally:
        cluster.stop()


def _core_holders() -> dict[int, tuple[int, int]]:
    """core -> (pid, parent pid) of the process holding its codeeff lock, read from
    /proc/locks (which takes no lock itself, so it cannot disturb an actor claiming one)."""
    inodes = {}
    for path in CORE_LOCKS.glob("*.lock"):
        try:
            inodes[path.stat().st_ino] = int(path.stem)
        except OSError:
            pass
    holders = {}
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if len(fields) > 5 and fields[1] == "FLOCK" and fields[4].isdigit():
            core, pid = inodes.get(int(fields[5].split(":")[2])), int(fields[4])
            try:
                if core is not None:
                    holders[core] = (pid, int(_stat(pid)[1]))
            except OSError:
                pass  # gone since
    return holders


def _evaluate_on(cluster, root: Path, tmp_path: Path, rows, on_progress=None):
    samples = tmp_path / "samples.jsonl"
    samples.write_text("".join(json.dumps({"task_id": t, "solution": s}) + "\n" for t, s in rows))
    calls = []

    def progress(count: int) -> None:
        calls.append(count)
        if on_progress is not None:
            on_progress(len(calls))

    db = tmp_path / "r.db"
    started = time.monotonic()
    outcome = evaluate(
        samples, EvaluateConfig(suite="mini", measure=FAST), db, root=root,
        progress=progress, executor="ray", address=cluster.address,
    )  # fmt: skip
    print(f"evaluated {len(calls)} jobs in {time.monotonic() - started:.1f} s")
    with Store(db) as store:
        results = list(store.results(outcome.run_id))
    return outcome, calls, results


def test_every_job_is_measured_once_on_pinned_cores_of_both_nodes(two_nodes, tmp_path):
    root = write_mini_suite(tmp_path / "root", {"alpha": 60_000, "beta": 80_000})
    rows = [("mini/alpha", EXPERT), ("mini/alpha", WRONG), ("mini/beta", EXPERT),
            ("mini/beta", WRONG), ("mini/alpha", EXPERT), ("mini/beta", EXPERT)]  # fmt: skip
    raylets = {two_nodes.raylet(session) for session in two_nodes.sessions}
    seen: dict[int, tuple[int, set[int]]] = {}  # core -> its actor's raylet and affinity

    def look(_: int) -> None:
        for core, (pid, parent) in _core_holders().items():
            try:
                if parent in raylets:
                    seen[core] = (parent, os.sched_getaffinity(pid))
            except OSError:
                pass  # gone since

    outcome, calls, results = _evaluate_on(two_nodes, root, tmp_path, rows, look)
    planned = len(rows) + 2  # and each task's naive tier
    assert outcome.measured == planned and len(calls) == planned
    assert len({(r.sample_key, r.task_id) for r in results}) == len(results) == planned
    verdicts = {r.sample_key: r.verdict for r in results if r.kind == "sample"}
    assert verdicts == {"line:1": "OK", "line:2": "WA", "line:3": "OK", "line:4": "WA",
                        "line:5": "OK", "line:6": "OK"}  # fmt: skip
    # The naive tier is right (timed with a loose limit: OK, or TLE on a loaded machine).
    assert {r.task_id for r in results if r.kind == "tier" and r.passed} == {
        "mini/alpha", "mini/beta"}  # fmt: skip
    # One measuring actor per node, each pinned to the core whose lock it holds.
    assert {raylet for raylet, _ in seen.values()} == raylets
    assert all(affinity == {core} for core, (_, affinity) in seen.items())


def test_a_node_killed_mid_run_loses_no_job(two_nodes, tmp_path, capfd):
    root = write_mini_suite(tmp_path / "root", {"alpha": 60_000, "beta": 80_000})
    # Ten jobs a task: when the second node's actor is first seen measuring, its task
    # still has jobs queued for it, so the kill always costs it work to re-run (with five,
    # a node that started late once finished its task first and lost nothing, in CI).
    rows = [(f"mini/{task}", WRONG if i % 3 == 0 else EXPERT) for i in range(10)
            for task in ("alpha", "beta")]  # fmt: skip
    expected = {f"line:{n}": "WA" if s == WRONG else "OK" for n, (_, s) in enumerate(rows, 1)}
    second = two_nodes.raylet(two_nodes.sessions[1])
    victims: list[int] = []

    def kill_second_node(_: int) -> None:
        """Once its actor measures (it has a job in flight, or gets the next one)."""
        if not victims:
            victims.extend(p for p, parent in _core_holders().values() if parent == second)
            if victims:
                os.kill(second, signal.SIGKILL)

    outcome, calls, results = _evaluate_on(two_nodes, root, tmp_path, rows, kill_second_node)
    planned = len(rows) + 2
    assert outcome.measured == planned and len(calls) == planned
    assert len({(r.sample_key, r.task_id) for r in results}) == len(results) == planned
    assert {r.sample_key: r.verdict for r in results if r.kind == "sample"} == expected
    assert all(r.passed for r in results if r.kind == "tier")
    assert victims and "Ray worker lost" in capfd.readouterr().err
    # The dead node's actor died with its raylet instead of measuring on.
    assert not any(_alive(pid) for pid in victims)


def test_nodes_without_the_problems_folder_give_a_clear_error(two_nodes, tmp_path):
    job = MeasureJob("line:1", "mini/alpha", "sample", EXPERT, FAST, "")
    with pytest.raises(RayExecutorError) as raised:
        run_ray([job], print, tmp_path / "absent", address=two_nodes.address)
    message = str(raised.value)
    assert "every Ray worker is gone" in message and "problems folder" in message, message
