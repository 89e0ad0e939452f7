"""The local executor: a process pool on this machine, one pinned sandbox pair per core."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from pathlib import Path

from codeeff.executors.jobs import JobResult, MeasureJob, die_with_parent, init_worker, measure_job


def pool_cpus(cpus: list[int], jobs: int | None, todo: int, gpu_suite: bool) -> list[int | None]:
    """The core each pool worker pins itself to, one entry per worker (None: unpinned).

    CPU suites: one worker per core, each on its own. GPU suites: one worker (parallel
    candidates on one GPU would disturb each other's timings), unpinned, because the GPU
    runner splits the cores it is given between the candidate's and the trusted worker
    process; on one core the CUDA driver's threads would compete with the launches.
    """
    if gpu_suite:
        return [None]
    workers = max(1, min(jobs or len(cpus), todo))
    return [cpus[index % len(cpus)] if cpus else None for index in range(workers)]


def _init_pool_worker(cpu_queue, root: str, backend: str) -> None:
    die_with_parent()
    init_worker(cpu_queue.get(), root, backend)


def run_local(
    jobs_todo: Sequence[MeasureJob],
    on_result: Callable[[JobResult], None],
    root: Path,
    jobs: int | None = None,
    gpu_suite: bool = False,
    backend: str = "local",
) -> None:
    """Run every job on a pool of this machine's cores, in sandboxes of `backend`;
    `on_result` gets each result in this process, as it finishes (the caller alone
    writes the store)."""
    if not jobs_todo:
        return
    worker_cpus = pool_cpus(sorted(os.sched_getaffinity(0)), jobs, len(jobs_todo), gpu_suite)
    # spawn: the workers are children of this process, so PR_SET_PDEATHSIG ends them
    # when it is killed (a forkserver would outlive it and keep them measuring).
    context = multiprocessing.get_context("spawn")
    cpu_queue = context.Queue()
    for cpu in worker_cpus:
        cpu_queue.put(cpu)
    with ProcessPoolExecutor(
        len(worker_cpus), mp_context=context, initializer=_init_pool_worker,
        initargs=(cpu_queue, str(root), backend),
    ) as pool:  # fmt: skip
        pending = {pool.submit(measure_job, job) for job in jobs_todo}
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                on_result(future.result())
