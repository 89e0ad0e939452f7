"""A measurement job and how a worker runs it, wherever the worker lives.

A job is one solution to measure on one problem: (key, task id, kind, source,
MeasureConfig, input salt). Every executor (local process pool, Ray) runs jobs through
`measure_job` in a worker process set up by `init_worker`; the worker keeps one sandbox
backend, the latest problems' inputs and the latest problem's reference sandbox, so a
task's jobs in a row generate the inputs once and start the reference once.
"""

from __future__ import annotations

import atexit
import ctypes
import functools
import os
import signal
from collections.abc import Callable
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from codeeff.measure import LevelInputs, MeasureConfig, measure_solution, sandbox_limits
from codeeff.problems import Problem, load_suite
from codeeff.sandbox.base import Sandbox, Verdict
from codeeff.sandbox.local import LocalBackend

Job = tuple[str, str, str, str, MeasureConfig, str]
JobResult = tuple[str, str, str, dict]  # key, task id, kind, measurement
PR_SET_PDEATHSIG = 1

_worker_state: dict[str, Any] = {}


def init_worker(cpu: int | None, root: str) -> None:
    """Pin this worker to `cpu` (None: unpinned) and give it a sandbox backend."""
    _worker_state.update(
        cpu=cpu, backend=LocalBackend(), root=Path(root), reference=None, reference_reused=False
    )
    if cpu is not None:
        os.sched_setaffinity(0, {cpu})
    atexit.register(drop_kept_reference)


def kept_reference(problem: Problem, config: MeasureConfig) -> Callable[[], Sandbox]:
    """The worker's open reference sandbox for this problem, started on first use and kept
    for the next job of the same problem (jobs come task by task). It runs only the
    trusted expert; each job's inputs leave it when their case ends (measure.py)."""
    key = (problem.task_id, problem.input_salt, problem.expert.source, sandbox_limits(config))

    def get() -> Sandbox:
        kept = _worker_state["reference"]
        if kept is not None and kept[0] == key:
            _worker_state["reference_reused"] = True
            return kept[1]
        drop_kept_reference()
        sandbox = _worker_state["backend"].open(
            problem.expert.source, problem.entry_point, sandbox_limits(config),
            cpu=_worker_state["cpu"],
        )  # fmt: skip
        _worker_state["reference"] = (key, sandbox)
        return sandbox

    return get


def drop_kept_reference() -> None:
    kept = _worker_state.get("reference")
    _worker_state["reference"] = None
    if kept is not None:
        kept[1].close()


def die_with_parent() -> None:
    """A killed evaluation must not leave workers measuring on (and disturbing) the CPUs."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except OSError:
        pass


def _load_problem(task_id: str, root: Path, salt: str) -> Problem:
    problem = next(p for p in load_suite(task_id.split("/")[0], root) if p.task_id == task_id)
    return replace(problem, input_salt=salt)


@functools.lru_cache(maxsize=2)
def problem_levels(task_id: str, root: Path, salt: str) -> tuple[Problem, list[LevelInputs]]:
    """Inputs and the expert's answers for every level (trusted, computed in this process)."""
    problem = _load_problem(task_id, root, salt)
    levels = []
    for level in problem.levels:
        cases = [problem.generate(level, case) for case in range(level.cases)]
        if level.index == 0:
            # The gate also runs the problem's small random cases (the ones its tiers are
            # differentially tested on): a sample wrong on a class of small inputs fails,
            # even if the edge cases and the stress inputs miss that class.
            extra = problem.random_level()
            cases += [problem.generate(extra, case) for case in range(extra.cases)]
        levels.append(
            LevelInputs(level.name, level.weight, cases, problem.expected_outputs(level, cases))
        )
    return problem, levels


def measure_job(job: Job) -> JobResult:
    key, task_id, kind, source, config, salt = job
    problem = _load_problem(task_id, _worker_state["root"], salt)
    if problem.kind == "triton":
        from codeeff.gpu.runner import measure_triton

        return key, task_id, kind, measure_triton(problem, source)
    problem, levels = problem_levels(task_id, _worker_state["root"], salt)
    for _attempt in range(2):
        _worker_state["reference_reused"] = False
        measured = measure_solution(
            _worker_state["backend"], source, problem.expert.source, problem.entry_point,
            levels, checker=problem.checker, config=config, cpu=_worker_state["cpu"],
            reference=kept_reference(problem, config),
        )  # fmt: skip
        if measured.verdict != Verdict.SANDBOX_ERROR:
            break
        # The kept reference may be what failed (its process died since the last job):
        # the job is measured again with a fresh one, not charged with the old one's fault.
        reused = _worker_state["reference_reused"]
        drop_kept_reference()
        if not reused:
            break
    return key, task_id, kind, dict(measured.as_dict(), config=asdict(config))
