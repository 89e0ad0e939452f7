"""`codeeff evaluate`: samples -> sandbox measurements -> store, resumable and parallel.

Each sample is gated on level 0 plus the problem's small random cases, then measured
against the problem's expert, interleaved on one pinned CPU (measure.py); each of the
problem's slower tiers is measured the same way once per run, so that tier-relative
metrics (Beyond@k, DPS) compare figures from the same machine and the same run. An
executor (executors/) runs the jobs, one pinned sandbox pair per CPU; this process
alone writes the store, one transaction per finished sample.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import secrets
import sys
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from codeeff import kinds, metrics
from codeeff.executors.jobs import JobResult, MeasureJob
from codeeff.executors.local import run_local
from codeeff.executors.ray_cluster import run_ray
from codeeff.measure import MeasureConfig
from codeeff.problems import Problem, load_suite, suite_root
from codeeff.sandbox import backends
from codeeff.sandbox.base import Sandbox, SandboxBackend, SandboxLimits
from codeeff.sandbox.local import default_cpu
from codeeff.store import Store, StoredResult

MAX_SOLUTION_BYTES = 1 << 20
# Slower tiers are timed with a looser limit so their real times are known (within it).
# They are trusted code: one kill with a calm witness is evidence enough.
TIER_CONFIG = MeasureConfig(alpha=10.0, min_repeats=3, max_repeats=3, tle_strikes=1)
PROBE_SOURCE = "def f():\n    return 1\n"  # what a probe sandbox holds: its `f` answers 1
CODE_VERSION = "4"  # bump when a change to measurement makes old runs incomparable
# 2: inputs salted per run; set members and dict keys compared type-strictly; the gate
# also runs the random cases. 3: null baseline subtracted, state-free runs. 4: a case
# stops once its score is known to +-0.03 (Hodges-Lehmann intervals); the gate is
# answered in batches, one process each; a level stops at its first TLE case.


class SamplesError(ValueError):
    """Nothing in the samples file can be evaluated."""


@dataclass(frozen=True)
class Sample:
    line_no: int
    task_id: str
    solution: str

    @property
    def key(self) -> str:
        return f"line:{self.line_no}"


@dataclass
class SamplesFile:
    samples: list[Sample] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # "line N: reason"
    sha256: str = ""


def read_samples(path: str | Path, problems: dict[str, Problem]) -> SamplesFile:
    """Parse an EvalPlus-style JSONL file; bad lines are reported, the rest kept."""
    path = Path(path)
    if not path.is_file():
        raise SamplesError(f"{path}: no such file")
    data = path.read_bytes()
    parsed = SamplesFile(sha256=hashlib.sha256(data).hexdigest())
    if not data.strip():
        raise SamplesError(f"{path}: the file is empty")
    for line_no, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            parsed.samples.append(_parse_line(raw, problems))
        except ValueError as error:
            parsed.errors.append(f"line {line_no}: {error}")
            continue
        sample = parsed.samples[-1]
        parsed.samples[-1] = replace(sample, line_no=line_no)
    if not parsed.samples:
        shown = "; ".join(parsed.errors[:5])
        raise SamplesError(f"{path}: no line could be evaluated ({shown})")
    return parsed


def _parse_line(raw: bytes, problems: dict[str, Problem]) -> Sample:
    if len(raw) > MAX_SOLUTION_BYTES * 2:
        raise ValueError(f"line is {len(raw) / 1e6:.1f} MB, limit {MAX_SOLUTION_BYTES >> 20} MB")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(f"not valid UTF-8 ({error.reason} at byte {error.start})") from None
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"not valid JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(record, dict):
        raise ValueError("a line must be a JSON object with task_id and solution")
    task_id = record.get("task_id")
    if not isinstance(task_id, str):
        raise ValueError("missing or non-string 'task_id'")
    if task_id not in problems:
        raise ValueError(f"unknown task {task_id!r} (not in the suite being evaluated)")
    solution = record.get("solution")
    if solution is None and isinstance(record.get("completion"), str):
        solution = problems[task_id].prompt + record["completion"]
    if not isinstance(solution, str):
        raise ValueError("needs a string 'solution' (or 'completion')")
    size = len(solution.encode("utf-8", "surrogatepass"))
    if size > MAX_SOLUTION_BYTES:
        raise ValueError(f"solution is {size / 1e6:.1f} MB, limit {MAX_SOLUTION_BYTES >> 20} MB")
    return Sample(0, task_id, solution)


# --- what defines a run -----------------------------------------------------------------


def problem_set_fingerprint(problems: Iterable[Problem]) -> str:
    """Hash of every file that defines the problems and their references."""
    digest = hashlib.sha256()
    for problem in problems:
        for folder in (problem.folder, problem.reference_folder):
            for path in sorted(folder.rglob("*")):
                if path.is_file() and "__pycache__" not in path.parts:
                    digest.update(str(path.relative_to(folder.parent)).encode())
                    digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class EvaluateConfig:
    suite: str
    alpha: float | None = None  # None: each problem's own alpha
    measure: MeasureConfig = MeasureConfig()
    measure_tiers: bool = True
    repetition: str = ""  # set to start an independent run of the same samples and config
    # None: a new run draws a fresh salt for its inputs (kept in the store, so a resumed
    # run reuses it); a string fixes it to reproduce a run; "" = the published inputs.
    input_seed: str | None = None
    generation: dict | None = None  # how the samples were made (evaluate-model), if known
    # "enamel": ENAMEL's definition of eff@k (metrics.EnamelPreset: alpha, one limit per
    # problem, its level weights, a fixed number of repeats), for figures comparable
    # with ENAMEL's own; the cases per level are the problem's (ENAMEL's own problems,
    # imported, have its 8/4/4/4). None: codeeff's (a limit per level, repeats until
    # decided).
    preset: str | None = None

    def for_problem(self, problem: Problem) -> MeasureConfig:
        if self.preset is None:
            return replace(
                self.measure,
                alpha=self.alpha or problem.limits.alpha,
                memory_mb=problem.limits.memory_mb,
            )
        if self.preset != "enamel":
            raise ValueError(f"unknown preset {self.preset!r} (known: enamel)")
        preset = metrics.ENAMEL
        if len(problem.levels) != len(preset.level_weights):
            raise ValueError(
                f"{problem.task_id} has {len(problem.levels)} levels; ENAMEL's definition "
                f"scores {len(preset.level_weights)} (a correctness level and three stress levels)"
            )
        return replace(
            self.measure, alpha=preset.alpha, min_repeats=preset.repeats,
            max_repeats=preset.repeats, scoring="enamel", memory_mb=problem.limits.memory_mb,
        )  # fmt: skip


def machine_info(guarantees: dict, backend: str = backends.DEFAULT) -> dict[str, Any]:
    return {
        "host": platform.node(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": _cpu_model(),
        "cpus": os.cpu_count(),
        "python": sys.version.split()[0],
        "codeeff_version": CODE_VERSION,
        "sandbox_backend": backend,
        "sandbox_guarantees": guarantees,
    }


def open_probe_sandbox(backend: SandboxBackend) -> Sandbox:
    """A sandbox opened as the pool workers open theirs (pinned to a core) holding
    PROBE_SOURCE: what it reports is what a measured sample gets.

    The backend's own `guarantees()` is the host probe alone, in which everything that
    is only known once a sandbox runs (namespaces, seccomp, ...) is still False.
    """
    return backend.open(PROBE_SOURCE, "f", SandboxLimits(), cpu=default_cpu())


def guarantees_held_by_all(records: Iterable[dict]) -> dict[str, Any]:
    """The guarantees every sandbox had, from their `Guarantees.as_dict()` records.

    A flag holds only if it is True in every record (one a record lacks, e.g. stored
    before the field existed, did not hold there); list fields (fallbacks) are the
    union. Empty records (no sandbox ran: a compile error) constrain nothing.
    """
    records = [record for record in records if record]
    held: dict[str, Any] = {}
    for name in dict.fromkeys(name for record in records for name in record):
        values = [record.get(name) for record in records]
        if any(isinstance(value, list) for value in values):
            held[name] = list(dict.fromkeys(item for value in values for item in value or ()))
        else:
            held[name] = all(value is True for value in values)
    return held


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def run_identity(config: EvaluateConfig, samples_sha256: str, fingerprint: str) -> str:
    described = json.dumps(
        {"config": asdict(config), "samples": samples_sha256, "problems": fingerprint,
         "version": CODE_VERSION},
        sort_keys=True,
    )  # fmt: skip
    return hashlib.sha256(described.encode()).hexdigest()[:16]


# --- the parent side ----------------------------------------------------------------------


@dataclass
class EvaluateOutcome:
    run_id: str
    resumed: bool
    skipped: int  # already finished in an earlier attempt
    measured: int
    sample_errors: list[str]
    input_seed: str  # the salt of this run's inputs ("" = the published ones)


def evaluate(
    samples_path: str | Path,
    config: EvaluateConfig,
    db_path: str | Path,
    jobs: int | None = None,
    label: str | None = None,
    root: Path | None = None,
    progress: Callable[[int], Any] | None = None,
    on_plan: Callable[[int], Any] | None = None,
    executor: str = "local",
    address: str | None = None,
    backend: str = backends.DEFAULT,
) -> EvaluateOutcome:
    """Measure every sample (and every tier) not yet in the store for this run.

    executor: "local" (a process pool here, `jobs` workers) or "ray" (one worker per CPU
    of the Ray cluster at `address`; None: Ray's default, see run_ray). Not part of the
    run's identity: each job measures its sample and its reference on one core, so the
    results do not depend on where it ran, and a run may resume on the other executor.
    backend: the sandbox backend ("local" or "docker"); recorded with the run's machine,
    and a run resumes only with the backend it was measured with.
    """
    if executor not in ("local", "ray"):
        raise ValueError(f"unknown executor {executor!r} (local or ray)")
    root = root or suite_root(config.suite)
    problems = {p.task_id: p for p in load_suite(config.suite, root)}
    samples_file = read_samples(samples_path, problems)
    run_id = run_identity(config, samples_file.sha256, problem_set_fingerprint(problems.values()))
    with open_probe_sandbox(backends.get(backend)) as probe:
        probed = probe.guarantees.as_dict()
    with Store(db_path) as store:
        drawn = secrets.token_hex(8) if config.input_seed is None else config.input_seed
        run_config = dict(asdict(config), task_ids=sorted(problems), input_seed=drawn)
        resumed = store.ensure_run(
            run_id, label or Path(samples_path).stem, config.suite, run_config,
            dict(machine_info(probed, backend), executor=executor), str(samples_path),
        )  # fmt: skip
        measured_by = store.run(run_id)["machine"].get("sandbox_backend", backends.DEFAULT)
        if resumed and measured_by != backend:
            raise ValueError(f"run {run_id[:8]} was measured with the {measured_by} backend; "
                             f"resume it with --backend {measured_by}")  # fmt: skip
        salt = store.run(run_id)["config"]["input_seed"] if resumed else drawn
        done = store.finished_keys(run_id)
        planned = [
            MeasureJob(s.key, s.task_id, "sample", s.solution,
                       config.for_problem(problems[s.task_id]), salt)
            for s in samples_file.samples
        ]  # fmt: skip
        if config.measure_tiers:
            for task_id in sorted({s.task_id for s in samples_file.samples}):
                problem = problems[task_id]
                tier_config = replace(TIER_CONFIG, memory_mb=problem.limits.memory_mb)
                planned += [
                    MeasureJob(f"tier:{tier.name}", task_id, "tier", tier.source, tier_config,
                               salt)
                    for tier in problem.tiers[:-1]
                ]  # fmt: skip
        jobs_todo = [job for job in planned if (job.key, job.task_id) not in done]
        jobs_todo.sort(key=lambda job: job.task_id)  # a task's jobs together: worker caches hit
        if on_plan is not None:
            on_plan(len(jobs_todo))
        gpu_suite = kinds.get(kinds.of_problems(problems.values())).USES_GPU

        def record(result: JobResult) -> None:
            job, measurement = result.job, result.measurement
            ladder = problems[job.task_id].tiers
            if job.role == "tier" and all(tier.score is not None for tier in ladder):
                # The source's own DPS scores of the ladder's rungs (EvalPerf), for DPS.
                measurement = dict(
                    measurement, source_scores={tier.name: tier.score for tier in ladder}
                )
            store.add_result(
                StoredResult(run_id, job.key, job.task_id, job.role, measurement["verdict"],
                             measurement["passed"], measurement["error"], measurement)
            )  # fmt: skip
            if progress is not None:
                progress(1)

        try:
            if executor == "ray":
                run_ray(jobs_todo, record, root, address, gpu_suite, backend)
            else:
                run_local(jobs_todo, record, root, jobs, gpu_suite, backend)
        finally:
            # What the run's sandboxes had, this attempt's and earlier ones' alike: the
            # record never claims a guarantee that one of them lacked.
            measured = (result.measurement.get("guarantees") for result in store.results(run_id))
            store.update_machine(
                run_id, sandbox_guarantees=guarantees_held_by_all([probed, *measured])
            )
    return EvaluateOutcome(
        run_id=run_id,
        resumed=resumed,
        skipped=len(planned) - len(jobs_todo),
        measured=len(jobs_todo),
        sample_errors=samples_file.errors,
        input_seed=salt,
    )
