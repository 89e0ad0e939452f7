"""A sandbox backend that is no sandbox: trusted solutions called in this process.

For benches only (never for samples): it runs codeeff's own measurement logic
(measure.measure_solution: the gate, the pairs, the limits, the stopping and scoring
rules) with each call made in this long-lived process instead of a fresh sandboxed
child. The same solutions on the same inputs measured both ways separate what the
sandbox adds (a fresh process per run: its page faults and cold caches, the answer
encoded and handed out) from what codeeff's rules and clock do.

Each run, as ENAMEL's harness does: the solution's source is executed afresh (so
module-level caches do not carry over; outside the timing), the stored input is
deep-copied (a solution may mutate it; outside the timing), and the call alone is
timed, here with this thread's CPU clock as the sandbox charges CPU time. The
collector stays on, as in a sandboxed child. A run over its CPU limit is stopped by a
profiling timer and is TLE.
"""

from __future__ import annotations

import copy
import signal
import time
import traceback
from typing import Any

from codeeff.sandbox.base import (
    Guarantees,
    RunResult,
    Sandbox,
    SandboxBackend,
    SandboxLimits,
    Verdict,
)


def _entry(namespace: dict, entry_point: str):
    """The function a run calls; for "Class.method", that method of a fresh instance per
    call, as the sandbox's worker does (worker.py is not importable outside a sandbox)."""
    owner, _, method = entry_point.rpartition(".")
    if not owner:
        return namespace[entry_point]
    return lambda *args: getattr(namespace[owner](), method)(*args)


class _OverLimit(BaseException):
    """Raised by the profiling timer inside a call that ran past its CPU limit."""


def _over_limit(_signum, _frame) -> None:
    raise _OverLimit


class InProcessSandbox(Sandbox):
    def __init__(self, source: str, entry_point: str):
        self.code = compile(source, "/tmp/solution.py", "exec")
        self.entry_point = entry_point
        self.inputs: dict[int, tuple] = {}
        self.guarantees = Guarantees()

    def add_input(self, key: int, args: tuple) -> None:
        self.inputs[key] = tuple(args)

    def forget(self, key: int) -> None:
        self.inputs.pop(key, None)

    def run(self, key: int, cpu_limit_s: float, wall_limit_s: float) -> RunResult:
        namespace: dict[str, Any] = {"__name__": "solution"}
        try:
            exec(self.code, namespace)
            function = _entry(namespace, self.entry_point)
        except Exception as error:
            return RunResult(Verdict.RE, error=f"loading the solution: {error!r}")
        args = copy.deepcopy(self.inputs[key])
        previous = signal.signal(signal.SIGPROF, _over_limit)
        signal.setitimer(signal.ITIMER_PROF, max(cpu_limit_s, 1e-3))
        started = time.thread_time()
        try:
            output = function(*args)
            cpu_s = time.thread_time() - started
        except _OverLimit:
            return RunResult(Verdict.TLE, cpu_s=time.thread_time() - started, error="cpu limit")
        except BaseException as error:  # the solution's own failure, as a child's would be
            text = "".join(traceback.format_exception_only(type(error), error))
            return RunResult(Verdict.RE, cpu_s=time.thread_time() - started, error=text)
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.signal(signal.SIGPROF, previous)
        return RunResult(Verdict.OK, output=output, cpu_s=cpu_s, wall_s=cpu_s)

    def close(self) -> None:
        self.inputs.clear()


class InProcessBackend(SandboxBackend):
    name = "in-process"

    def open(
        self, source: str, entry_point: str | None, limits: SandboxLimits, cpu: int | None = None
    ) -> Sandbox:
        if entry_point is None:
            raise ValueError("the in-process backend calls functions; programs need a sandbox")
        return InProcessSandbox(source, entry_point)

    def guarantees(self) -> Guarantees:
        return Guarantees()
