"""A measurement job and how a worker runs it, wherever the worker lives.

A job is one solution to measure on one problem (`MeasureJob`). Every executor (local
process pool, Ray) runs jobs through `measure_job` in a worker process set up by
`init_worker`; the problem's kind (codeeff/kinds/) measures it, and keeps in the worker
what the task's next job can reuse (its inputs, the expert's sandbox).
"""

from __future__ import annotations

import ctypes
import functools
import os
import signal
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from codeeff import kinds
from codeeff.measure import MeasureConfig
from codeeff.problems import load_task
from codeeff.sandbox import backends

PR_SET_PDEATHSIG = 1
ROLES = ("sample", "tier")

_worker_state: dict[str, Any] = {}


@dataclass(frozen=True)
class MeasureJob:
    """One solution to measure: a sample (key "line:<n>") or a tier ("tier:<name>")."""

    key: str
    task_id: str
    role: str  # one of ROLES
    source: str
    config: MeasureConfig
    input_salt: str

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"job role must be one of {ROLES}, got {self.role!r}")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MeasureJob:
        return cls(**dict(data, config=MeasureConfig(**data["config"])))


@dataclass(frozen=True)
class JobResult:
    """A job's measurement record, as the store keeps it."""

    job: MeasureJob
    measurement: dict[str, Any]


def init_worker(cpu: int | None, root: str, backend: str = backends.DEFAULT) -> None:
    """Pin this worker to `cpu` (None: unpinned) and give it a sandbox backend (by name)."""
    _worker_state.update(cpu=cpu, backend=backends.get(backend), root=Path(root))
    if cpu is not None:
        os.sched_setaffinity(0, {cpu})


def die_with_parent() -> None:
    """A killed evaluation must not leave workers measuring on (and disturbing) the CPUs."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except OSError:
        pass


@functools.lru_cache(maxsize=4)
def _task(task_id: str, root: Path):
    """A task's problem, parsed once per worker (its jobs come in a row; ~6 ms each)."""
    return load_task(task_id, root)


def measure_job(job: MeasureJob) -> JobResult:
    root = _worker_state["root"]
    problem = replace(_task(job.task_id, root), input_salt=job.input_salt)
    measurement = kinds.get(problem.kind).measure(
        problem, job.source, job.config, _worker_state["backend"], _worker_state["cpu"], root
    )
    return JobResult(job, measurement)
