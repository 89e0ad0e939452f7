"""The whole pipeline on a suite: what a sample costs, old path against new, in one run.

Three mixes of samples, each evaluated as `codeeff evaluate` does (a pinned sandbox pair
per CPU, --jobs workers):

- expert: every task's expert solution, no tiers;
- slowest: every task's slowest tier, no tiers;
- model-like: per task the expert, a slower tier (the fastest tier below the expert),
  a wrong answer (the expert, but its answer wrapped in a tuple on inputs larger than
  the gate's, so it passes the gate and fails on stress inputs) and a timeout (the
  expert, but endless on such inputs); the tiers measured once per task.

Each mix runs on the old path and on the new one. The old path is the code and the
problems as they were when the cost issue was filed (--old, a git revision: the last
commit before its first change), taken from git into a temporary folder and run there
in a child process, so that none of the later savings reach it. The new path is this
checkout. CPU-seconds per sample = the CPU the evaluation used (its pool workers',
their sandboxes', the candidates'; CpuCounter) / samples.

Also checked, as the cost issue's acceptance asks:
- the expert self-score on the new path, twice: eff@1 in [0.99, 1.01] in both runs,
  |difference| <= 0.01, per-task score within +-0.03 of 1 for >= 95% of tasks;
- the model-like mix's verdicts on the new path equal the old code's on today's
  problems with the same inputs (the same --input-seed).

    python bench/pipeline.py [--suite core] [--jobs 2] [--old REV] [--skip-old]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from codeeff.evaluate import EvaluateConfig, evaluate
from codeeff.measure import MeasureConfig
from codeeff.problems import default_root, load_suite
from codeeff.report import summarize_stored_run
from codeeff.sandbox.cgroups import CgroupHost
from codeeff.store import Store

# The last commit before the cost issue's (13) first change: its code path and problems.
OLD_CODE = "a86c837"
SEED = "pipeline-bench"
WRAPPERS = {
    "wrong": "return (_result, 0) if _big else _result",
    "timeout": "while _big:\n        pass\n    return _result",
}


def wrapped(source: str, entry_point: str, behaviour: str, gate_size: int) -> str:
    """The expert, with its entry point wrapped to misbehave on inputs larger than any
    of the gate's (by the length of their repr): right on the gate, not on stress."""
    return (
        f"{source}\n\n_codeeff_expert = {entry_point}\n\n"
        f"def {entry_point}(*args):\n"
        f"    _big = len(repr(args)) > {gate_size}\n"
        "    _result = _codeeff_expert(*args)\n"
        f"    {WRAPPERS[behaviour]}\n"
    )


def gate_size(problem) -> int:
    """The length of the repr of the largest input the gate gives (level 0, random cases)."""
    levels = (problem.levels[0], problem.random_level())
    return max(
        len(repr(problem.generate(level, c))) for level in levels for c in range(level.cases)
    )


def mix_samples(suite: str, root: Path, mix: str, only: set[str] | None = None) -> list[dict]:
    """`only`: these task ids (the ones the old path has too), else every task."""
    samples = []
    for problem in load_suite(suite, root):
        if only is not None and problem.task_id not in only:
            continue
        expert = problem.expert.source
        if mix == "expert":
            chosen = [("expert", expert)]
        elif mix == "slowest":
            chosen = [("slowest", problem.tiers[0].source)]
        else:
            size = gate_size(problem)
            chosen = [
                ("expert", expert),
                ("slower tier", problem.tiers[-2].source),
                ("wrong", wrapped(expert, problem.entry_point, "wrong", size)),
                ("timeout", wrapped(expert, problem.entry_point, "timeout", size)),
            ]
        samples += [{"task_id": problem.task_id, "solution": s, "kind": k} for k, s in chosen]
    return samples


class CpuCounter:
    """CPU of this process and everything it starts, from a cgroup of its own.

    The bench moves itself into a new cpuacct group; its pool workers are born there
    and make their sandboxes' groups under it, and the kernel charges a group's CPU to
    its ancestors as it is used, so the group's counter holds every worker's, sandbox's
    and candidate's CPU, even of groups already removed, and nothing of other programs.
    Without a writable cgroup, the busy time of the CPUs this process may use
    (/proc/stat), which other programs inflate: run the bench alone then.
    """

    def __init__(self) -> None:
        host = CgroupHost.probe()
        parent = host.parents.get("cpuacct")
        self.path: Path | None = None
        if parent is not None:
            path = parent / f"codeeff-pipeline-{os.getpid()}"
            path.mkdir()
            (path / "cgroup.procs").write_text(str(os.getpid()))
            self.path = path / ("cpuacct.usage" if host.version == 1 else "cpu.stat")
        self.source = "this bench's cgroup" if self.path else "/proc/stat busy time of its CPUs"

    def close(self) -> None:
        """Back into the parent group, and the bench's group removed."""
        if self.path is not None:
            group = self.path.parent
            (group.parent / "cgroup.procs").write_text(str(os.getpid()))
            try:
                group.rmdir()
            except OSError as error:  # a sandbox group not yet gone: the host cleans it
                print(f"note: {group} left behind ({error.strerror})", file=sys.stderr)

    def seconds(self) -> float:
        if self.path is not None:
            text = self.path.read_text()
            if self.path.name == "cpuacct.usage":
                return int(text) / 1e9
            return next(int(v) for k, v in (ln.split() for ln in text.splitlines())
                        if k == "usage_usec") / 1e6  # fmt: skip
        allowed = {f"cpu{cpu}" for cpu in os.sched_getaffinity(0)}
        busy = 0
        with open("/proc/stat") as handle:
            for line in handle:
                name, *fields = line.split()
                if name in allowed:
                    values = [int(v) for v in fields]
                    busy += sum(values) - values[3] - values[4]  # all but idle and iowait
        return busy / os.sysconf("SC_CLK_TCK")


@dataclass
class Evaluation:
    label: str
    samples: int
    wall_s: float
    cpu_s: float
    summary: dict
    verdicts: dict[str, str]  # sample key -> verdict
    task_scores: dict[str, float]

    @property
    def per_sample(self) -> float:
        return self.cpu_s / self.samples


def _write_samples(args, mix: str, root: Path, label: str, folder: Path) -> tuple[Path, int]:
    samples = mix_samples(args.suite, root, mix, args.tasks)
    path = folder / f"{label}.jsonl"
    path.write_text("".join(json.dumps(s) + "\n" for s in samples))
    return path, len(samples)


def _report(label: str, samples: int, wall_s: float, cpu_s: float, stored: dict) -> Evaluation:
    """The run's figures over the tasks that had samples (a suite grown since the old
    revision has tasks this bench does not measure, which evaluate counts as 0)."""
    tasks = {task: values for task, values in stored["summary"]["tasks"].items()
             if values.get("n")}  # fmt: skip
    scores = {task: values["eff@1"] for task, values in tasks.items()}
    figures = {metric: sum(values[metric] for values in tasks.values()) / len(tasks)
               for metric in ("pass@1", "eff@1")}  # fmt: skip
    result = Evaluation(label, samples, wall_s, cpu_s, figures, stored["verdicts"], scores)
    print(
        f"{label:28s} {samples:4d} samples  wall {wall_s:7.1f} s  CPU {cpu_s:8.1f} s  "
        f"{result.per_sample:7.2f} CPU-s/sample  pass@1 {result.summary['pass@1']:.4f}  "
        f"eff@1 {result.summary['eff@1']:.4f}",
        flush=True,
    )
    return result


def run_mix(args, mix: str, root: Path, label: str, folder: Path) -> Evaluation:
    """One mix evaluated by this checkout, in this process."""
    path, samples = _write_samples(args, mix, root, label, folder)
    config = EvaluateConfig(
        suite=args.suite, measure=MeasureConfig(), measure_tiers=mix == "model-like",
        repetition=f"{label} {time.time()}", input_seed=SEED,
    )  # fmt: skip
    db = folder / "pipeline.db"
    before, started = args.counter.seconds(), time.perf_counter()
    outcome = evaluate(path, config, db, jobs=args.jobs, label=label, root=root)
    wall_s, cpu_s = time.perf_counter() - started, args.counter.seconds() - before
    with Store(db) as store:
        summary = summarize_stored_run(store, outcome.run_id)
        verdicts = {r.sample_key: r.verdict for r in store.results(outcome.run_id)
                    if r.kind == "sample"}  # fmt: skip
    return _report(label, samples, wall_s, cpu_s, {"summary": summary, "verdicts": verdicts})


# Run by the old code's interpreter, its tree first on the path (the spawned pool workers
# inherit the path, the sandboxes copy the old worker): evaluate one samples file and
# print what the bench needs as JSON.
OLD_RUNNER = """
import json, sys
tree, samples, db, root, suite, jobs, tiers, label, seed = sys.argv[1:10]
sys.path.insert(0, tree)
from pathlib import Path
import codeeff
assert codeeff.__file__.startswith(tree), codeeff.__file__
from codeeff.evaluate import EvaluateConfig, evaluate
from codeeff.report import summarize_stored_run
from codeeff.store import Store
config = EvaluateConfig(suite=suite, measure_tiers=tiers == "1", repetition=label,
                        input_seed=seed)
outcome = evaluate(samples, config, db, jobs=int(jobs), label=label, root=Path(root))
with Store(db) as store:
    summary = summarize_stored_run(store, outcome.run_id)
    verdicts = {r.sample_key: r.verdict for r in store.results(outcome.run_id)
                if r.kind == "sample"}
print(json.dumps({"summary": summary, "verdicts": verdicts}))
"""


def run_mix_old(args, mix: str, tree: Path, root: Path, label: str, folder: Path) -> Evaluation:
    """One mix evaluated by the old code (`tree`) on the problems under `root`."""
    path, samples = _write_samples(args, mix, root, label, folder)
    command = [
        sys.executable, "-c", OLD_RUNNER, str(tree), str(path), str(folder / "old.db"),
        str(root), args.suite, str(args.jobs), "1" if mix == "model-like" else "0",
        f"{label} {time.time()}", SEED,
    ]  # fmt: skip
    before, started = args.counter.seconds(), time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=folder)
    wall_s, cpu_s = time.perf_counter() - started, args.counter.seconds() - before
    if done.returncode != 0:
        raise RuntimeError(f"the old code failed on {label}:\n{done.stderr[-3000:]}")
    return _report(label, samples, wall_s, cpu_s, json.loads(done.stdout.splitlines()[-1]))


def old_tree(revision: str, folder: Path) -> Path:
    """The repository as it was at `revision` (code and problems), in a folder."""
    target = folder / "old"
    target.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(default_root()), "archive", revision], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", default="core")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--old", default=OLD_CODE, help="git revision of the old path")
    parser.add_argument("--skip-old", action="store_true", help="new path only")
    args = parser.parse_args()
    args.counter = CpuCounter()
    print(f"CPU counted from {args.counter.source}", flush=True)
    try:
        return compare(args)
    finally:
        args.counter.close()


def compare(args: argparse.Namespace) -> int:
    new_root, failures = default_root(), []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        tree = old_tree(args.old, folder)
        # Both paths measure the tasks the old one has (the suite has grown since).
        args.tasks = {problem.task_id for problem in load_suite(args.suite, tree)}
        print(f"{len(args.tasks)} tasks (those of {args.suite} at {args.old})", flush=True)
        new = {mix: run_mix(args, mix, new_root, f"new {mix}", folder)
               for mix in ("expert", "slowest", "model-like")}  # fmt: skip
        second = run_mix(args, "expert", new_root, "new expert (again)", folder)
        same_inputs = run_mix_old(args, "model-like", tree, new_root, "old code, new problems",
                                  folder)  # fmt: skip
        old = {}
        if not args.skip_old:
            old = {mix: run_mix_old(args, mix, tree, tree, f"old {mix}", folder)
                   for mix in ("expert", "slowest", "model-like")}  # fmt: skip

    print(f"\nCPU-seconds per sample (old: code and problems at {args.old}; new: this checkout)")
    for mix in ("expert", "slowest", "model-like"):
        line = f"  {mix:11s} new {new[mix].per_sample:7.2f}"
        if mix in old:
            ratio = old[mix].per_sample / new[mix].per_sample
            line += f"  old {old[mix].per_sample:7.2f}  old/new {ratio:6.1f}x"
        print(line)
    if "model-like" in old and old["model-like"].per_sample < 10 * new["model-like"].per_sample:
        failures.append("the model-like mix is not >= 10x cheaper")
    if new["expert"].per_sample > 4:
        failures.append("the expert tier costs more than 4 CPU-s per sample")

    runs = (new["expert"], second)
    effs = [run.summary["eff@1"] for run in runs]
    print(f"\nexpert self-score: eff@1 {effs[0]:.4f} and {effs[1]:.4f}, "
          f"|difference| {abs(effs[0] - effs[1]):.4f}")  # fmt: skip
    if not all(0.99 <= e <= 1.01 for e in effs) or abs(effs[0] - effs[1]) > 0.01:
        failures.append("expert eff@1 outside [0.99, 1.01] or runs differ by > 0.01")
    for run in runs:
        off = {t: round(s, 3) for t, s in run.task_scores.items() if abs(s - 1) > 0.03}
        share = 1 - len(off) / len(run.task_scores)
        print(f"  {run.label}: {share:.0%} of tasks within +-0.03 of 1; outside: {off or 'none'}")
        if share < 0.95:
            failures.append(f"{run.label}: fewer than 95% of tasks within +-0.03")

    differ = {k: (v, same_inputs.verdicts.get(k)) for k, v in new["model-like"].verdicts.items()
              if same_inputs.verdicts.get(k) != v}  # fmt: skip
    print(f"\nmodel-like verdicts, new path vs old path on the same inputs: "
          f"{len(new['model-like'].verdicts) - len(differ)}/{len(new['model-like'].verdicts)} "
          f"equal{'; differ: ' + str(differ) if differ else ''}")  # fmt: skip
    if differ:
        failures.append("verdicts differ between the paths")
    print("\n" + ("PASS" if not failures else "FAIL: " + "; ".join(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
