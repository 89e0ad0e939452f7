"""Check and time one Triton solution: candidate, PyTorch eager and expert, interleaved.

Two worker processes (worker.py): the candidate's, sandboxed when the host allows it,
and a trusted one holding the eager reference and the expert. This process compares
every output (compare.py) and orders the calls:

1. correctness: every case of every level (level 0 only in the CPU interpreter), the
   candidate before the reference on even cases and after it on odd ones; a Triton
   kernel must launch, inputs must stay unmodified, the answer must match eager; on a
   GPU, the candidate's work must wait for the caller's stream (stream-order probe);
2. timing (GPU only): rounds in which candidate, eager and expert each prepare a
   burst (fresh inputs, a new seed every call, so no cache can hit; a warm-up) and
   time it, in an order that changes every round (all six over six rounds), until
   each level time is known to within 0.5% (from the spread of round medians) or a
   cap; timed outputs are audited at random after the fact (at sampled positions; the
   last call of a level whole), with positions and calls not predictable by the
   candidate; each burst's reported event times are cross-checked against the wall
   time this process saw for it, and work left running after a call returned is
   charged to the candidate. The GPU's clocks, power and throttle reasons are sampled
   after every burst (power.py), so a level timed under a power cap is flagged.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import os
import random
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass
from typing import Any

from codeeff.gpu import power
from codeeff.gpu.compare import compare_outputs
from codeeff.gpu.power import PowerMonitor
from codeeff.gpu.sandbox import worker_command
from codeeff.gpu.scoring import level_precision
from codeeff.problems import Problem
from codeeff.sandbox.base import SandboxError, Verdict
from codeeff.sandbox.channel import AnswerTimeout, Channel

LOAD_TIMEOUT_S = 300.0  # importing torch and compiling kernels
CALL_TIMEOUT_S = 120.0
# A burst's inputs and outputs, in both workers, may take this share of GPU memory.
BURST_MEMORY_SHARE = 0.6
BURST_MEMORY_COPIES = 3
MIN_BURST = 2
STDERR_KEPT = 3000  # bytes of a worker's stderr kept for error messages
AUDIT_SAMPLE = 1 << 18  # values compared by a random audit of a larger output (2 MB of int64)
STREAM_ORDER_EARLY_LIMIT = 0.5  # honest code writes nothing while the caller's stream is held
# Who goes first, second, third in a round. A burst runs in the power state the one
# before it left (a compute-bound burst pulls the SM clock down under the H200's power
# cap): plain rotation would always put the candidate right after the expert, so all
# six orders are cycled, and each role follows each other role equally often.
ROUND_ORDERS = tuple(itertools.permutations(range(3)))
NOT_MEASURED = "not measured: no GPU here (correctness ran in Triton's CPU interpreter)"


@dataclass(frozen=True)
class GpuConfig:
    burst: int = 8  # timed calls per request, back to back, each on a fresh input
    warmup_ms: float = 20.0  # untimed calls first: the GPU clocks down during the pipe's pause
    warmup_rounds: int = 1
    min_rounds: int = 3
    # Rounds go on until every level time is known to within relative_precision (95%
    # CI from round medians, see scoring.level_precision) or a cap is hit. On an H200
    # memory-bound levels stop after 4-7 rounds; a power-capped bf16 matmul runs all 200
    # (about 20 s). Its speedup then varied 0.66% run to run, against 1.38% when stopped
    # at 1% / 40 rounds (bench/gpu_repeat.py, 5 runs each; gpu_tasks_h200.md, session 4).
    max_rounds: int = 200
    relative_precision: float = 0.005
    max_level_seconds: float = 30.0
    audit_probability: float = 0.5
    # A candidate whose requests take this much longer than the trusted ones, beyond
    # what its reported kernel time explains, is under-reporting its time.
    overhead_factor: float = 3.0
    overhead_slack_ms: float = 0.5
    # Median tails of the same code differ by up to ~3.5 us between two processes (H200);
    # beyond this a candidate's excess tail is work it left running, and is charged.
    tail_slack_ms: float = 0.005
    # List the kernels of each of the candidate's timed bursts and of its watched
    # warm-up (worker.Worker.kernels): a timed call may run only kernels a watched call ran.
    kernel_audit: bool = True


def _worker_cpus() -> dict[str, set[int]]:
    """Separate cores for the trusted and the candidate worker (half each), so that
    neither one's threads delay the other's launches. Not one core each: the CUDA
    driver's own threads would then compete with the thread that launches."""
    cpus = sorted(os.sched_getaffinity(0))
    half = max(1, len(cpus) // 2)
    return {"candidate": set(cpus[:half]), "reference": set(cpus[half:] or cpus)}


class WorkerFailed(SandboxError):
    """A worker process died or stopped answering; `role` says whose it was, and so who
    is charged: the candidate's (RE, or TLE if it stopped answering) or the trusted
    one's (SANDBOX_ERROR, the harness's failure)."""

    def __init__(self, role: str, error: SandboxError):
        super().__init__(f"the {role} worker: {error}")
        self.role, self.timed_out = role, isinstance(error, AnswerTimeout)

    @property
    def verdict(self) -> Verdict:
        if self.role != "candidate":
            return Verdict.SANDBOX_ERROR
        return Verdict.TLE if self.timed_out else Verdict.RE


class WorkerProcess:
    def __init__(self, role: str, interpret: bool, sandboxed: bool):
        passed = {
            name: os.environ[name] for name in ("CUDA_VISIBLE_DEVICES",) if name in os.environ
        }
        if interpret:
            passed["TRITON_INTERPRET"] = "1"
        command, self.sandboxed, drop_privileges = worker_command(sandboxed, passed)
        env = {"PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp"), **passed}
        for name in ("TRITON_CACHE_DIR", "LD_LIBRARY_PATH"):
            if name in os.environ:
                env[name] = os.environ[name]
        self.role = role
        cpus = _worker_cpus()[role]

        def prepare() -> None:  # in the forked child, before exec
            if not interpret:
                os.sched_setaffinity(0, cpus)
            drop_privileges()

        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env=env, bufsize=0, start_new_session=True, preexec_fn=prepare,
        )  # fmt: skip
        self.channel = Channel(self.process.stdin.fileno(), self.process.stdout.fileno(),
                               self.close, self._stderr_tail)  # fmt: skip
        self._hello: dict | None = None
        # Read all along (its last STDERR_KEPT bytes kept): a worker whose stderr pipe
        # filled up (a candidate's prints, the profiler's log lines) would block in a write.
        self._stderr = bytearray()
        self._drain = threading.Thread(target=self._read_stderr, daemon=True)
        self._drain.start()

    def _read_stderr(self) -> None:
        try:
            while chunk := os.read(self.process.stderr.fileno(), 65536):
                self._stderr += chunk
                del self._stderr[:-STDERR_KEPT]
        except (OSError, ValueError):  # closed by close()
            return

    @property
    def hello(self) -> dict:
        """The worker's first message (waited for lazily, so two workers start together)."""
        if self._hello is None:
            try:
                self._hello = self.channel.receive(LOAD_TIMEOUT_S)[0]
            except SandboxError as error:
                raise WorkerFailed(self.role, error) from error
        return self._hello

    def _stderr_tail(self) -> str:
        if self.process.poll() is None:
            return "(still running)"
        self._drain.join(timeout=5)
        return bytes(self._stderr).decode("utf-8", "replace")

    def request(self, header: dict, timeout_s: float | None = None,
                payload: bytes = b"") -> tuple[dict, bytes, float]:  # fmt: skip
        """(answer, payload, wall seconds seen from here)."""
        _ = self.hello
        started = time.perf_counter()
        try:
            answer, payload = self.channel.request(header, timeout_s or CALL_TIMEOUT_S, payload)
        except SandboxError as error:
            raise WorkerFailed(self.role, error) from error
        return answer, payload, time.perf_counter() - started

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self._drain.join(timeout=1)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            stream.close()


class Rejected(Exception):
    """The measurement ends with this verdict (the side that failed is charged)."""

    def __init__(self, verdict: Verdict, error: str):
        super().__init__(error)
        self.verdict, self.error = verdict, error


def _seed(problem: Problem, *parts: Any) -> int:
    salt = (problem.input_salt,) if problem.input_salt else ()
    text = "|".join(map(str, (problem.task_id, *parts, *salt)))
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")


def _level_dict(level) -> dict:
    return {"name": level.name, "index": level.index, "weight": level.weight,
            "cases": level.cases, "params": level.params}  # fmt: skip


def _check_answer(answer: dict, who: str, trusted: bool = False) -> None:
    """A worker's answer must be ok; a failure is the candidate's (RE) or, from the
    trusted worker, the harness's (SANDBOX_ERROR)."""
    verdict = Verdict.SANDBOX_ERROR if trusted else Verdict.RE
    if answer.get("tampered"):
        raise Rejected(verdict, f"{who} changed timing primitives: {answer['tampered']}")
    if answer.get("forbidden"):  # the rule of Triton tasks (gpu/torch_rule.py)
        raise Rejected(Verdict.WA, f"{who} breaks the task's rule: {answer['forbidden']}; the "
                       "work must be done by its own @triton.jit kernels")  # fmt: skip
    if not answer.get("ok"):
        raise Rejected(verdict, f"{who} failed: {answer.get('error')}\n{answer.get('trace', '')}")


def _correctness(problem: Problem, candidate: WorkerProcess, reference: WorkerProcess,
                 levels: list) -> None:  # fmt: skip
    for level in levels:
        # Every case of level 0; one of each stress level (its timed calls are audited).
        for case in range(level.cases if level.index == 0 else 1):
            request = {"level": _level_dict(level), "case": case,
                       "seed": _seed(problem, level.index, case)}  # fmt: skip
            order = [(candidate, "solution"), (reference, "eager"), (reference, "expert")]
            if case % 2:
                order = order[1:] + order[:1]
            outputs = {}
            for worker, which in order:
                answer, payload, _ = worker.request(dict(request, op="call", which=which))
                who = "the solution" if worker is candidate else f"the {which} reference"
                _check_answer(answer, who, trusted=worker is not candidate)
                outputs[which] = (answer, payload)
            label = f"level {level.name} case {case}"
            answer, payload = outputs["solution"]
            if answer["launches"] == 0:
                raise Rejected(Verdict.WA, f"{label}: no Triton kernel was launched")
            if answer["mutated"]:
                raise Rejected(Verdict.WA, f"{label}: the solution modified its inputs")
            expected = outputs["eager"]
            ok, message = compare_outputs(answer["output"], payload, expected[0]["output"],
                                          expected[1], problem.tolerances)  # fmt: skip
            if not ok:
                raise Rejected(Verdict.WA, f"{label}: {message}")
            ok, message = compare_outputs(
                outputs["expert"][0]["output"],
                outputs["expert"][1],
                expected[0]["output"],
                expected[1],
                problem.tolerances,
            )
            if not ok:
                raise Rejected(Verdict.SANDBOX_ERROR, f"{label}: the expert disagrees: {message}")
    if candidate.hello.get("device") == "cuda":
        _check_stream_order(problem, candidate, levels[-1])


def _check_stream_order(problem: Problem, candidate: WorkerProcess, level) -> None:
    """Reject work that does not wait for the caller's stream (worker.stream_order)."""
    request = {"op": "stream_order", "which": "solution", "level": _level_dict(level),
               "case": 0, "seed": _seed(problem, level.index, "stream order")}  # fmt: skip
    answer, _, _ = candidate.request(request)
    _check_answer(answer, "the solution")
    if answer["conclusive"] and answer["early"] > STREAM_ORDER_EARLY_LIMIT:
        raise Rejected(
            Verdict.WA,
            f"level {level.name}: {answer['early']:.0%} of the output was written while "
            "the caller's stream was still held: the solution's kernels do not wait for the "
            "caller's stream (launched on another stream without wait_stream)",
        )  # fmt: skip


def round_order(round_index: int) -> tuple[int, ...]:
    """The order of (candidate, eager, expert) in a round. Cases alternate round by round,
    so plain cycling would give a level of two cases orders 0, 2, 4 on one case and 1, 3, 5
    on the other; shifting by one every six rounds gives each of up to six cases all six
    orders, while each block of six rounds still holds every order once."""
    return ROUND_ORDERS[(round_index + round_index // len(ROUND_ORDERS)) % len(ROUND_ORDERS)]


def _time_level(problem: Problem, level, candidate: WorkerProcess, reference: WorkerProcess,
                config: GpuConfig, rng: random.Random,
                monitor: PowerMonitor | None = None) -> dict:  # fmt: skip
    seed = _seed(problem, level.index, 0)
    roofline, _, _ = reference.request(
        {"op": "roofline", "level": _level_dict(level), "case": 0, "seed": seed}
    )
    burst, why_not = fitting_burst(config.burst, roofline.get("bytes"),
                                   reference.hello.get("memory_gb"))  # fmt: skip
    if why_not:
        return {"name": level.name, "weight": level.weight, "params": level.params,
                "candidate_ms": [], "eager_ms": [], "expert_ms": [], "not_measured": why_not,
                "bytes": roofline.get("bytes"), "flops": roofline.get("flops")}  # fmt: skip
    power_samples: list[dict] = []  # the GPU's state right after each timed burst
    series = {"solution": [], "eager": [], "expert": []}
    overheads = {"candidate": [], "trusted": []}
    roles = [(candidate, "solution"), (reference, "eager"), (reference, "expert")]
    started = time.monotonic()
    tails = {"solution": [], "eager": [], "expert": []}
    cases: list[int] = []  # the case of every timed call, the same for all three
    for round_index in range(config.warmup_rounds + config.max_rounds):
        seeds = [_seed(problem, level.index, "time", round_index, j) for j in range(burst)]
        request = {"op": "prepare", "level": _level_dict(level),
                   "case": round_index % level.cases, "seeds": seeds,
                   "warmup_seed": _seed(problem, level.index, "warm", round_index),
                   "warmup_ms": config.warmup_ms}  # fmt: skip
        for worker, which in (roles[i] for i in round_order(round_index)):
            who = "the solution" if worker is candidate else which
            trusted = worker is not candidate
            audit = config.kernel_audit and not trusted
            prepared, _, _ = worker.request(dict(request, which=which, kernel_audit=audit))
            _check_answer(prepared, who, trusted)
            # Only the timed calls are inside this request's wall time.
            answer, _, wall_s = worker.request({"op": "time", "which": which})
            _check_answer(answer, who, trusted)
            if audit and "watched_kernels" in prepared:
                _audit_kernels(candidate, prepared["watched_kernels"], burst)
            sample = monitor.sample() if monitor else None
            if sample is not None and round_index >= config.warmup_rounds:
                power_samples.append(sample)
            if round_index < config.warmup_rounds:
                continue
            _check_times(answer, which, burst, trusted)
            series[which] += answer["ms"]
            tails[which] += answer["tail_ms"]
            group = "candidate" if worker is candidate else "trusted"
            overheads[group].append((wall_s * 1000 - sum(answer["ms"])) / len(seeds))
        if round_index < config.warmup_rounds:
            continue
        cases += [request["case"]] * burst
        if rng.random() < config.audit_probability:
            index = rng.randrange(burst)
            label = _timed_call(level, request["case"], seeds[index], f"round {round_index}")
            _audit(problem, candidate, reference, index, label, sampled=True)
        timed = round_index + 1 - config.warmup_rounds
        precision = {which: level_precision(values, cases, burst)
                     for which, values in series.items()}  # fmt: skip
        tight = timed >= config.min_rounds and max(precision.values()) <= config.relative_precision
        if tight or time.monotonic() - started > config.max_level_seconds:
            break
    last = _timed_call(level, request["case"], seeds[-1], "the last one")
    _audit(problem, candidate, reference, burst - 1, last)
    candidate_overhead = statistics.median(overheads["candidate"])
    trusted_overhead = statistics.median(overheads["trusted"])
    if candidate_overhead > trusted_overhead * config.overhead_factor + config.overhead_slack_ms:
        raise Rejected(
            Verdict.RE,
            f"reported kernel times do not match the wall clock: {candidate_overhead:.3f} ms "
            f"per call unexplained (trusted workers: {trusted_overhead:.3f} ms)",
        )  # fmt: skip
    # The synchronize after the end event also waits for work left on other streams: a
    # candidate whose tails exceed the trusted workers' is charged the difference.
    trusted_tail = statistics.median(tails["eager"] + tails["expert"])
    excess = statistics.median(tails["solution"]) - trusted_tail
    charge = excess if excess > config.tail_slack_ms else 0.0
    return {"name": level.name, "weight": level.weight, "params": level.params,
            "candidate_ms": [ms + charge for ms in series["solution"]],
            "eager_ms": series["eager"], "expert_ms": series["expert"],
            "cases": cases, "burst": burst, "rounds": timed,
            # None: too few rounds to tell (JSON has no infinity)
            "precision": {w: p if math.isfinite(p) else None for w, p in precision.items()},
            "tail_charge_ms": charge,
            "candidate_tail_ms": statistics.median(tails["solution"]),
            "trusted_tail_ms": trusted_tail,
            # Wall time per call beyond the reported windows (flush, synchronize, pipe):
            # kept so the under-reporting check's margin can be set from real figures.
            "candidate_overhead_ms": candidate_overhead,
            "trusted_overhead_ms": trusted_overhead, "bytes": roofline.get("bytes"),
            "flops": roofline.get("flops"),
            "power": power.summarize(power_samples, monitor or PowerMonitor(None, "no monitor"))
            }  # fmt: skip


def fitting_burst(burst: int, call_bytes: int | None, memory_gb: float | None) -> tuple[int, str]:
    """(calls per burst, "" or why the level cannot be timed) for a level whose one call
    reads and writes `call_bytes` (the reference's bytes_moved): a burst's inputs and
    outputs are held at once, by the candidate's worker and the trusted one's (eager's
    and the expert's), so about BURST_MEMORY_COPIES x burst x call_bytes must fit in
    BURST_MEMORY_SHARE of the GPU's memory. An imported task's published sizes can take
    12 GB a call (KernelBench's ReLU): fewer calls per burst, or none."""
    if not call_bytes or not memory_gb:
        return burst, ""
    fits = int(BURST_MEMORY_SHARE * memory_gb * 2**30 // (BURST_MEMORY_COPIES * call_bytes))
    if fits >= burst:
        return burst, ""
    if fits >= MIN_BURST:
        return fits, ""
    return 0, (f"not measured: one call moves {call_bytes / 1e9:.1f} GB, too much for a burst "
               f"of {MIN_BURST} in {memory_gb:.0f} GB of GPU memory")  # fmt: skip


def _audit_kernels(candidate: WorkerProcess, watched: dict[str, int], burst: int) -> None:
    """The kernels of the burst just timed against those of its watched warm-up."""
    answer, _, _ = candidate.request({"op": "kernels", "which": "solution"})
    _check_answer(answer, "the solution")
    problem = timed_kernels_problem(watched, answer.get("kernels"),
                                    candidate.hello.get("flush_kernels") or [], burst)  # fmt: skip
    if problem:
        raise Rejected(Verdict.WA, problem)


def timed_kernels_problem(watched: dict[str, int], timed, flush: list[str], burst: int) -> str:
    """Why a timed burst's kernels break the rule ("" if they do not): a kernel that no
    watched call ran (PyTorch or a library computing where the rule's mode is off), or
    a list that lost the burst's own L2 flushes (the profiler stopped or paused)."""
    if not isinstance(timed, dict) or not all(
        isinstance(k, str) and isinstance(v, int) for k, v in timed.items()
    ):
        return "the solution's timed kernels could not be listed"
    flushes = sum(timed.get(name, 0) for name in flush)
    if flush and flushes < burst:
        return (f"the kernel list of a timed burst lost kernels ({flushes} of its {burst} "
                "L2 flushes): the profiler was stopped or paused")  # fmt: skip
    unseen = sorted(set(timed) - set(watched) - set(flush))
    if unseen:
        names = "; ".join(name[:120] for name in unseen[:3])
        return (f"breaks the task's rule: a timed call ran kernels that none of its watched "
                f"calls ran ({names}): work done outside its own @triton.jit kernels")  # fmt: skip
    return ""


def _timed_call(level, case: int, seed: int, which: str) -> str:
    """Which input a timed call had, so that a wrong output found by an audit can be
    reproduced: generator.generate(level, case, random.Random(seed), device)."""
    return f"level {level.name} timed call ({which}), case {case}, input seed {seed}"


def _check_times(answer: dict, which: str, burst: int, trusted: bool) -> None:
    """A burst's times as the runner needs them: `burst` finite numbers, none negative
    (an empty window can read 0: events have about half a microsecond of resolution)."""
    verdict = Verdict.SANDBOX_ERROR if trusted else Verdict.RE
    ms, tails = answer.get("ms"), answer.get("tail_ms")
    if not (isinstance(ms, list) and isinstance(tails, list) and len(ms) == len(tails) == burst):
        raise Rejected(verdict, f"{which} did not answer {burst} times")
    values = ms + tails
    if not all(isinstance(v, float) and math.isfinite(v) for v in values) or min(values) < 0:
        raise Rejected(verdict, f"{which} answered impossible times")


def _audit(problem, candidate, reference, index: int, label: str, sampled: bool = False) -> None:
    """Compare one of the candidate's last timed outputs with eager's on the same input:
    whole, or (`sampled`) at AUDIT_SAMPLE flat positions drawn now, after the timing, so
    that a round's audit costs milliseconds and not the second a large output takes to
    cross the pipe. A timed call that skips a fraction f of its output's elements passes
    a sampled audit with probability (1 - f) ** AUDIT_SAMPLE (f = 1e-4: e**-26)."""
    positions = os.urandom(8 * AUDIT_SAMPLE) if sampled else b""
    header = {"op": "audit", "which": "solution", "index": index}
    answer, payload, _ = candidate.request(header, payload=positions)
    _check_answer(answer, "the solution")
    expected, expected_payload, _ = reference.request(dict(header, which="eager"),
                                                      payload=positions)  # fmt: skip
    ok, message = compare_outputs(answer["output"], payload, expected["output"],
                                  expected_payload, problem.tolerances)  # fmt: skip
    if not ok:
        raise Rejected(Verdict.WA, f"{label}: {message}")


def measure_triton(
    problem: Problem, candidate_source: str, config: GpuConfig = GpuConfig(),
    interpret: bool | None = None, sandboxed: bool = True,
) -> dict:  # fmt: skip
    """The measurement record of one Triton solution (stored as is; see summary.py)."""
    if interpret is None:
        interpret = not gpu_available()
    record: dict[str, Any] = {
        "kind": "triton",
        "verdict": Verdict.OK.value,
        "passed": True,
        "error": "",
        "levels": [],
        "timing": NOT_MEASURED if interpret else "measured",
        # An imported task whose source publishes no kernel: the expert's file is the
        # eager reference, so no speedup over an expert is reported (scoring.py).
        "expert_is_eager": problem.source.get("expert") == "eager",
    }
    workers: list[WorkerProcess] = []
    try:
        reference = WorkerProcess("reference", interpret, sandboxed=False)
        workers.append(reference)
        candidate = WorkerProcess("candidate", interpret, sandboxed=sandboxed)
        workers.append(candidate)
        record["device"] = reference.hello
        record["sandboxed"] = candidate.sandboxed
        generator = (problem.folder / "generator.py").read_text()
        answer, _, _ = reference.request(
            {"op": "load", "generator": generator,
             "sources": {"eager": (problem.folder / "reference.py").read_text(),
                         "expert": problem.expert.source},
             "entry_points": {"eager": "reference", "expert": problem.entry_point}},
            LOAD_TIMEOUT_S,
        )  # fmt: skip
        if not answer.get("ok"):
            raise Rejected(
                Verdict.SANDBOX_ERROR, f"the references do not load: {answer.get('error')}"
            )
        answer, _, _ = candidate.request(
            {"op": "load", "generator": generator, "sources": {"solution": candidate_source},
             "entry_points": {"solution": problem.entry_point}},
            LOAD_TIMEOUT_S,
        )  # fmt: skip
        _check_answer(answer, "the solution")
        levels = problem.levels[:1] if interpret else problem.levels
        _correctness(problem, candidate, reference, levels)
        if not interpret:
            # Which timed calls get audited must not be predictable from the sources.
            rng = random.SystemRandom()
            monitor = PowerMonitor(reference.hello.get("uuid"))
            for level in problem.levels[1:]:
                record["levels"].append(
                    _time_level(problem, level, candidate, reference, config, rng, monitor)
                )
    except Rejected as rejection:
        record.update(verdict=rejection.verdict.value, passed=False, error=rejection.error)
    except WorkerFailed as failure:
        record.update(verdict=failure.verdict.value, passed=False, error=str(failure))
    except (SandboxError, OSError) as error:  # a worker that could not even start
        record.update(
            verdict=Verdict.SANDBOX_ERROR.value,
            passed=False,
            error=f"the GPU runner failed: {error}",
        )
    finally:
        for worker in workers:
            worker.close()
    return record


def gpu_available() -> bool:
    try:
        import torch
    except ImportError:
        return False
    return torch.cuda.is_available()
