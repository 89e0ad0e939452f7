"""The Ray executor: measurement jobs spread over the cores of a Ray cluster.

Every CPU the cluster offers gets one Ray actor (`num_cpus=1`) that pins itself to a
core of its own node no other codeeff worker there holds (waiting for one if all are
held), then measures jobs through `measure_job`, as a local pool worker does. A job (a
candidate and its reference, interleaved) runs whole in one actor, so on one core of one
node: its ratios hold whichever node measured it, and nodes of different speeds can
share a run.

The driver (this process) is the scheduler: each actor has at most one job in flight, so
the queue stays here, a lost actor loses only its one job (run again elsewhere), and a
free actor gets the next job of the task it measured last, whose inputs it holds
(`problem_levels` caches them per process): a task's inputs are generated once per actor
that takes it, in practice once per task. The alternative, a node-local file cache of
generated inputs, would share them between a node's actors but write trusted data where
any process of the node can alter it, for a saving that only the tail of a run sees
(when idle actors steal jobs from tasks another actor holds).

On a real cluster every node needs codeeff installed (the actors import it) and the
problems folder (`root`) at the same path, e.g. on a shared filesystem or in the same
checkout; a node without it refuses to start its actors and the run goes on without it.
The head node and the driver are the run's single points of failure; the store keeps
every result that reached the driver, so the same command resumes the run.
"""

from __future__ import annotations

import fcntl
import os
import platform
import sys
import time
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

from codeeff.executors.jobs import JobResult, MeasureJob, die_with_parent, init_worker, measure_job

CORE_LOCKS = Path("/tmp/codeeff-ray-cores")  # node-local: one lock file per core


class RayExecutorError(RuntimeError):
    """The run cannot go on on Ray (Ray missing, no cluster there, no worker left)."""


def claim_core() -> tuple[int, IO[bytes]]:
    """The first core of this process's affinity that no other codeeff worker on this node
    holds, and the open lock file that holds it (the kernel drops the lock when the process
    dies, however it dies). Ray itself pins nothing: two actors of a node would otherwise
    share cores, and their timings would disturb each other.

    Within one cluster Ray never starts more actors on a node than it offers CPUs; all
    cores held means another cluster's (or another run's) workers measure on this host,
    or the node offers more CPUs than it has cores: the actor waits for a core, as a Ray
    task waits for a CPU, and says so once."""
    CORE_LOCKS.mkdir(exist_ok=True)
    cores = sorted(os.sched_getaffinity(0))
    waiting = False
    while True:
        for core in cores:
            handle = open(CORE_LOCKS / f"{core}.lock", "ab")
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.close()
                continue
            return core, handle
        if not waiting:
            print(f"codeeff: every core of {platform.node()} ({cores}) is held by another "
                  "codeeff worker; this one waits for a free one", file=sys.stderr)  # fmt: skip
            waiting = True
        time.sleep(1.0)


class PinnedWorker:
    """One measuring process of the cluster (a Ray actor once `ray.remote` wraps it)."""

    def __init__(self, root: str, pin: bool, backend: str = "local") -> None:
        # A node whose raylet dies must not keep measuring while its job runs elsewhere.
        die_with_parent()
        if not Path(root).is_dir():
            raise FileNotFoundError(
                f"the problems folder {root} is not on {platform.node()}: every node of the "
                "cluster needs it at the same path"
            )
        self.core, self._core_lock = claim_core() if pin else (None, None)
        init_worker(self.core, root, backend)

    def where(self) -> str:
        """Where it measures (answering also tells the driver it started)."""
        return f"{platform.node()} core {self.core}"

    def measure(self, job: MeasureJob) -> JobResult:
        return measure_job(job)


def _import_ray() -> Any:
    try:
        import ray
    except ImportError:
        raise RayExecutorError("the Ray executor needs Ray: pip install 'codeeff[ray]'") from None
    return ray


class Scheduler:
    """Hands jobs to free actors, task by task, and collects their results."""

    def __init__(self, ray: Any, jobs_todo: Sequence[MeasureJob], actors: list[Any]) -> None:
        self.ray = ray
        self.queues: dict[str, deque[MeasureJob]] = {}
        for job in jobs_todo:
            self.queues.setdefault(job.task_id, deque()).append(job)
        self.actors = actors
        self.where: dict[int, str] = {}
        self.task_of: dict[int, str] = {}  # the task each live actor measured last
        self.free: list[int] = []
        # A started actor's answer to `where`, or a job's result: (actor, job or None).
        self.in_flight = {actor.where.remote(): (index, None) for index, actor in enumerate(actors)}
        self.lost: list[str] = []

    def next_job(self, actor: int) -> MeasureJob | None:
        """The actor's own task first (its inputs are cached there), then a task no actor
        holds yet, in the planned order, then the task with the most jobs left."""
        own = self.queues.get(self.task_of.get(actor, ""))
        if not own:
            held = set(self.task_of.values())
            waiting = [task for task, queue in self.queues.items() if queue]
            if not waiting:
                return None
            fresh = [task for task in waiting if task not in held]
            task = fresh[0] if fresh else max(waiting, key=lambda t: len(self.queues[t]))
            own = self.queues[task]
        job = own.popleft()
        self.task_of[actor] = job.task_id
        return job

    def dispatch(self) -> None:
        while self.free:
            actor = self.free.pop()
            job = self.next_job(actor)
            if job is None:
                self.free.append(actor)
                return
            self.in_flight[self.actors[actor].measure.remote(job)] = (actor, job)

    def drop(self, actor: int, job: MeasureJob | None, error: Exception) -> None:
        """An actor died (its node, its process) or never started: its job goes back to
        the front of its task's queue, for the actors left."""
        self.task_of.pop(actor, None)
        self.ray.kill(self.actors[actor], no_restart=True)  # if merely unreachable
        if job is not None:
            self.queues[job.task_id].appendleft(job)
        # Ray's message ends with the cause (the exception of a worker that did not start).
        reason = (str(error).strip().splitlines() or [type(error).__name__])[-1].strip()
        self.lost.append(f"{self.where.get(actor, 'a worker that did not start')}: {reason}")
        print(f"codeeff: Ray worker lost, {self.lost[-1]}; its jobs go to the others",
              file=sys.stderr)  # fmt: skip

    def run(self, total: int, on_result: Callable[[JobResult], None]) -> None:
        done: set[tuple[str, str]] = set()
        while len(done) < total:
            self.dispatch()
            if not self.in_flight:
                raise RayExecutorError(
                    f"every Ray worker is gone with {total - len(done)} jobs left "
                    f"({'; '.join(self.lost[-3:])}); the results that finished are "
                    "stored: run the same command again to resume"
                )
            (ref,), _ = self.ray.wait(list(self.in_flight), num_returns=1)
            actor, job = self.in_flight.pop(ref)
            try:
                answer = self.ray.get(ref)
            except self.ray.exceptions.RayActorError as error:
                self.drop(actor, job, error)
                continue
            if job is None:
                self.where[actor] = answer
            elif (answer.job.key, answer.job.task_id) not in done:  # a job run twice: once
                done.add((answer.job.key, answer.job.task_id))
                on_result(answer)
            self.free.append(actor)


def run_ray(
    jobs_todo: Sequence[MeasureJob],
    on_result: Callable[[JobResult], None],
    root: Path,
    address: str | None = None,
    gpu_suite: bool = False,
    backend: str = "local",
) -> None:
    """Run every job on a Ray cluster (sandboxes of `backend` on every node);
    `on_result` gets each result in this process, as it finishes, once per job (the
    caller alone writes the store).

    address: a cluster to join (host:port, ray://...); None: Ray's own default, the
    cluster RAY_ADDRESS names or this machine runs, else a new local one. A driver that
    is already connected (ray.init called before) is used as it is and left connected.
    """
    if not jobs_todo:
        return
    ray = _import_ray()
    connected_here = not ray.is_initialized()
    if connected_here:
        try:
            ray.init(address=address)
        except ConnectionError as error:
            raise RayExecutorError(f"cannot join the Ray cluster at {address}: {error}") from None
    actors: list[Any] = []
    try:
        resources = ray.cluster_resources()
        if gpu_suite:
            # As on one machine: a single unpinned worker (the GPU runner splits the cores
            # it is given), on a GPU where the cluster has one.
            count, pin, gpus = 1, False, min(1, int(resources.get("GPU", 0)))
        else:
            count, pin, gpus = min(int(resources.get("CPU", 0)), len(jobs_todo)), True, 0
            if not count:
                raise RayExecutorError(f"the Ray cluster offers no CPU ({resources})")
        # SPREAD: with fewer jobs than CPUs, actors on distinct nodes disturb each other less.
        worker = ray.remote(PinnedWorker).options(
            num_cpus=1, num_gpus=gpus, max_restarts=0, scheduling_strategy="SPREAD"
        )
        actors = [worker.remote(str(root), pin, backend) for _ in range(count)]
        Scheduler(ray, jobs_todo, actors).run(
            len({(j.key, j.task_id) for j in jobs_todo}), on_result
        )
    finally:
        for actor in actors:
            ray.kill(actor, no_restart=True)  # frees their cores for the next run
        if connected_here:
            ray.shutdown()
