"""The one interface every sandbox backend implements, and the records it returns.

A backend opens a Sandbox for one (solution, problem) pair; the sandbox holds the
compiled solution and decoded inputs, and every `run` forks a fresh process for one
measured call. Callers (measure.py) only see this module's types, so a docker backend
fits behind the same calls.
"""

from __future__ import annotations

import abc
import enum
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any


class Verdict(enum.StrEnum):
    """Outcome of one run or one solution, worst first when aggregated."""

    OK = "OK"
    WA = "WA"  # wrong answer (or an answer that cannot cross the boundary)
    RE = "RE"  # runtime error, crash, early exit without an answer
    TLE = "TLE"  # over the CPU or wall limit
    MLE = "MLE"  # over the memory limit
    OLE = "OLE"  # answer larger than the output limit
    SANDBOX_ERROR = "SANDBOX_ERROR"  # the harness or sandbox failed, not the candidate


@dataclass(frozen=True)
class SandboxLimits:
    """Limits fixed for a sandbox's lifetime; per-run time limits go to `run`."""

    memory_mb: int = 512
    output_limit_bytes: int = 16 * 1024 * 1024
    file_size_mb: int = 16
    open_files: int = 64
    threads: int = 64
    # Scratch on /tmp and on /dev/shm each. Kept small: tmpfs pages are memory that the
    # child's RSS does not show, so this bounds what peak memory can miss.
    tmpfs_mb: int = 4


@dataclass
class RunResult:
    """One measured run. Times and memory come from kernel accounting of the reaped child."""

    verdict: Verdict
    output: Any = None
    # CPU of the child and its threads (kernel clock) from a checkpoint before the
    # candidate's code to its answer, less the sandbox's null baseline (`fixed_cost_s`)
    cpu_s: float = 0.0
    fixed_cost_s: float = 0.0
    wall_s: float = 0.0  # from the harness: request sent to answer read
    peak_memory_kb: int = 0  # child's peak RSS above the zygote's RSS at fork
    maxrss_kb: int = 0
    cgroup_cpu_s: float | None = None  # the sandbox cgroup's CPU in the same window
    error: str = ""
    # The answer as the candidate's process encoded it (backends that receive one): the
    # same bytes as an answer already judged right are the same answer, so the caller
    # need not compare it again (a deep comparison of a large answer in the harness cost
    # more than the run that made it).
    answer: bytes | None = None


@dataclass
class BatchResult:
    """One process's answers to several inputs, in order (`Sandbox.run_batch`).

    answers[i] holds the verdict, output and error of the i-th input (no time: the
    inputs shared one process). `run` is what was measured of the whole process (CPU,
    memory); if the process ended before answering every input, its verdict (TLE, MLE,
    RE ...) is that of the input it was on, the one after the last answer.
    """

    answers: list[RunResult]
    run: RunResult
    inputs: int

    @property
    def results(self) -> list[RunResult]:
        """One result per input reached: the answers, then the unanswered one's."""
        return self.answers if len(self.answers) >= self.inputs else [*self.answers, self.run]


@dataclass
class Guarantees:
    """Which isolation and measurement properties the host gave this run."""

    namespaces: bool = False  # user, pid, net, ipc, uts, mount
    network_isolated: bool = False
    read_only_system: bool = False
    cgroup_memory: bool = False
    cgroup_pids: bool = False
    cgroup_cpu_accounting: bool = False
    cpu_pinning: bool = False
    seccomp: bool = False
    not_dumpable: bool = False
    # The sandbox's user stands for an unprivileged host uid (never host root), so no
    # host file is writable through ownership; and /proc is read-only to the candidate.
    unprivileged_host_uid: bool = False
    proc_read_only: bool = False
    fallbacks: list[str] = field(default_factory=list)

    def missing(self) -> list[str]:
        """Names of the guarantees that did not hold."""
        return [name for name, value in asdict(self).items() if value is False]

    def as_dict(self) -> dict:
        return asdict(self)


class Sandbox(abc.ABC):
    """An isolated process holding one compiled solution, ready to run it many times."""

    guarantees: Guarantees

    @abc.abstractmethod
    def add_input(self, key: int, args: tuple) -> None:
        """Store an argument tuple inside the sandbox under `key` (decoded once)."""

    @abc.abstractmethod
    def forget(self, key: int) -> None:
        """Drop stored input `key` (keeps the sandbox's memory bounded across levels)."""

    def add_inputs(self, inputs: Mapping[int, tuple]) -> None:
        """Store several inputs at once (the gate's hundreds of small cases). For backends
        without a cheaper way, one `add_input` each."""
        for key, args in inputs.items():
            self.add_input(key, args)

    def forget_inputs(self, keys: Iterable[int]) -> None:
        """Drop several stored inputs at once; for other backends one `forget` each."""
        for key in keys:
            self.forget(key)

    @abc.abstractmethod
    def run(self, key: int, cpu_limit_s: float, wall_limit_s: float) -> RunResult:
        """Call the entry point on stored input `key` in a fresh process and measure it."""

    def run_batch(self, keys: list[int], cpu_limit_s: float, wall_limit_s: float) -> BatchResult:
        """Call the entry point on several stored inputs in turn, in ONE fresh process,
        within the limits for the whole batch; state may pass between these calls.

        For backends without a cheaper way: one process per input, stopping at the first
        that does not end OK (that run is then the batch's `run`).
        """
        answers: list[RunResult] = []
        for key in keys:
            result = self.run(key, cpu_limit_s, wall_limit_s)
            if result.verdict != Verdict.OK:
                return BatchResult(answers, result, len(keys))
            answers.append(result)
        run = RunResult(
            Verdict.OK, cpu_s=sum(r.cpu_s for r in answers),
            maxrss_kb=max((r.maxrss_kb for r in answers), default=0),
            peak_memory_kb=max((r.peak_memory_kb for r in answers), default=0),
        )  # fmt: skip
        return BatchResult(answers, run, len(keys))

    @abc.abstractmethod
    def close(self) -> None:
        """Kill everything in the sandbox and release its resources."""

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


class SandboxBackend(abc.ABC):
    """Creates sandboxes; one backend object per process is enough."""

    name: str

    @abc.abstractmethod
    def open(
        self, source: str, entry_point: str | None, limits: SandboxLimits, cpu: int | None = None
    ) -> Sandbox:
        """Start a sandbox pinned to `cpu` (if given) holding the compiled `source`.

        With an entry point each run calls that function on a stored argument tuple and
        its answer is the returned value; without one (None) the source is a program:
        each stored input is a 1-tuple of its standard input (str or bytes), each run
        executes the whole program on it, and the answer is the bytes it wrote to
        standard output.

        Raises SolutionLoadError if the source does not compile.
        """

    @abc.abstractmethod
    def guarantees(self) -> Guarantees:
        """What this host gives, probed once."""


class SandboxError(RuntimeError):
    """The sandbox itself failed (could not start, protocol broken, died)."""


class SolutionLoadError(ValueError):
    """The candidate's source does not compile; a verdict, not a harness failure."""
