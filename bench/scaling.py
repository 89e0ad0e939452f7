"""Throughput of one batch of jobs on the local pool and on Ray, and the driver's cost per
result (what bounds a large cluster), in one run.

The batch: the expert of every task of a suite (default `core`), `--copies` times, as
samples (no tiers), on fixed inputs (one --input-seed) and with a fixed number of pairs
per case (--repeats): the default stopping rule runs more pairs where the host is noisier,
so the same batch cost from 105 to 183 sandboxed runs per job from one configuration to
the next here, which blurs what is compared. Evaluated as `codeeff evaluate` does, four
ways:

- local-1, local-2: the process pool with one worker (--jobs 1), then two (the control:
  what two workers give on this machine without Ray);
- ray-1: a real 1-node Ray cluster on this machine offering 1 CPU (one pinned actor);
- ray-2: a real 2-node Ray cluster on this machine (two raylets, 1 CPU each).

Throughput = jobs / wall time of `evaluate` (the cluster's start excluded, the driver's
connection and its actors' start included). Driver-side, what bounds a large cluster:

- driver CPU per job in those runs (every thread of this process, Ray's included; the
  sandboxes are other processes), set-up included, so an upper bound;
- the driver's whole loop per result (Ray's round trip, the scheduler, one store
  transaction), timed with actors that answer 2000 jobs at once with a typical
  measurement of this batch;
- Store.add_result alone, that measurement written again into a fresh store;
- ray.wait over as many in-flight jobs as a 100-node cluster of 16-CPU nodes holds (one
  per actor): the scheduler calls it once per result.

    python bench/scaling.py [--suite core] [--copies 1] [--tasks N] [--repeats 8]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from codeeff.evaluate import EvaluateConfig, evaluate  # noqa: E402
from codeeff.executors.jobs import JobResult, MeasureJob  # noqa: E402
from codeeff.executors.ray_cluster import Scheduler  # noqa: E402
from codeeff.measure import MeasureConfig  # noqa: E402
from codeeff.problems import load_suite  # noqa: E402
from codeeff.store import Store, StoredResult  # noqa: E402
from tests.test_executor_ray import AUTH, LocalRayCluster  # noqa: E402

SEED = "scaling-bench"
IN_FLIGHT_100_NODES = 100 * 16


def code_hash() -> str:
    """Of codeeff's sources: the pool's workers and the actors import them afresh, so an
    edit during the run would make its configurations measure different code."""
    digest = hashlib.sha256()
    for path in sorted((Path(__file__).resolve().parents[1] / "codeeff").rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def write_batch(path: Path, suite: str, tasks: int | None, copies: int) -> int:
    problems = load_suite(suite)[:tasks]
    lines = [
        json.dumps({"task_id": p.task_id, "solution": p.expert.source})
        for p in problems
        for _ in range(copies)
    ]
    path.write_text("".join(line + "\n" for line in lines))
    return len(lines)


def sandbox_runs(measurement: dict) -> list[float]:
    """The CPU seconds of every sandboxed run a job made (candidate, reference, witness)."""
    return [
        seconds
        for level in measurement["levels"]
        for case in level["cases"]
        for series in ("candidate_cpu_s", "reference_cpu_s", "witness_cpu_s")
        for seconds in case.get(series, ())
    ]


def timed_evaluate(
    label: str, workers: int, samples: Path, config: EvaluateConfig, folder: Path, **executor
) -> dict:
    """One evaluation of the batch into a store of its own: wall, driver CPU, results.

    Also per job: its sandboxed runs (more where the adaptive stopping rule met a noisier
    host) and their CPU (the measuring itself); busy = that CPU / (wall x workers), the
    share of the workers' cores spent in measured runs."""
    db = folder / f"{label}.db"
    cpu, started = time.process_time(), time.perf_counter()
    outcome = evaluate(samples, config, db, **executor)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    with Store(db) as store:
        results = list(store.results(outcome.run_id))
    jobs = len(results)
    ok = sum(result.verdict == "OK" for result in results)
    runs = [sandbox_runs(result.measurement) for result in results]
    measured = sum(map(sum, runs))
    print(f"{label:7s} {jobs:3d} jobs ({ok} OK)  wall {wall:6.1f} s  {60 * jobs / wall:5.1f} "
          f"jobs/min  driver CPU {1000 * cpu / jobs:5.1f} ms/job  "
          f"{sum(map(len, runs)) / jobs:5.1f} runs/job  measured {measured / jobs:5.2f} "
          f"CPU-s/job  busy {measured / (wall * workers):4.0%}", flush=True)  # fmt: skip
    return {"jobs": jobs, "wall": wall, "per_min": 60 * jobs / wall, "results": results}


def store_write_ms(result: StoredResult, folder: Path, count: int = 200) -> float:
    """Milliseconds per Store.add_result of `result`, each in its own transaction."""
    with Store(folder / "writes.db") as store:
        store.ensure_run(result.run_id, "writes", "core", {}, {}, "")
        started = time.perf_counter()
        for index in range(count):
            store.add_result(replace(result, sample_key=f"line:{index}"))
        return 1000 * (time.perf_counter() - started) / count


class Echo:
    """An actor that answers every job at once with a stored measurement: the driver's
    side of a result (Ray's round trip, the scheduler, the store write) alone is timed."""

    def __init__(self, measurement: dict) -> None:
        self.measurement = measurement

    def where(self) -> str:
        return "echo"

    def measure(self, job: MeasureJob) -> JobResult:
        return JobResult(job, self.measurement)


def driver_costs(address: str, typical: StoredResult, folder: Path, jobs: int = 2000) -> dict:
    """The driver's CPU per result, from `jobs` answered at once by two Echo actors (as
    evaluate records them: one store transaction each), and one ray.wait over as many
    in-flight jobs as a 100-node cluster holds."""
    import ray

    ray.init(address=address)
    try:
        actors = [ray.remote(Echo).options(num_cpus=1).remote(typical.measurement) for _ in "ab"]
        ray.get([actor.where.remote() for actor in actors])
        todo = [MeasureJob(f"line:{n}", f"core/t{n % 20}", "sample", "", MeasureConfig(), "")
                for n in range(jobs)]  # fmt: skip
        with Store(folder / "driver.db") as store:
            store.ensure_run(typical.run_id, "driver", "core", {}, {}, "")

            def record(result: JobResult) -> None:
                job = result.job
                store.add_result(StoredResult(typical.run_id, job.key, job.task_id, job.role,
                                              "OK", True, "", result.measurement))  # fmt: skip

            cpu, started = time.process_time(), time.perf_counter()
            Scheduler(ray, todo, actors).run(jobs, record)
            cpu, wall = time.process_time() - cpu, time.perf_counter() - started
        for actor in actors:
            ray.kill(actor)

        @ray.remote(num_cpus=1)
        def pending() -> None:
            time.sleep(3600)

        refs = [pending.remote() for _ in range(IN_FLIGHT_100_NODES)]
        ray.wait(refs, num_returns=1, timeout=0)  # the first call registers them
        waited = time.perf_counter()
        for _ in range(20):
            ray.wait(list(refs), num_returns=1, timeout=0)
        waited = (time.perf_counter() - waited) / 20
        for ref in refs:
            ray.cancel(ref, force=True)
    finally:
        ray.shutdown()
    return {"cpu_ms": 1000 * cpu / jobs, "per_s": jobs / wall, "wait_ms": 1000 * waited}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", default="core")
    parser.add_argument("--tasks", type=int, help="only the first N tasks")
    parser.add_argument("--copies", type=int, default=1, help="each expert N times")
    parser.add_argument("--repeats", type=int, default=8, help="pairs per case (default: 8)")
    args = parser.parse_args()
    os.environ.update(AUTH)  # the clusters' token, read when ray is imported
    import ray  # noqa: F401  (now: its import is no part of any run's driver CPU)

    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}, "
          f"{len(os.sched_getaffinity(0))} cores")  # fmt: skip
    code = code_hash()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        samples = folder / "batch.jsonl"
        write_batch(samples, args.suite, args.tasks, args.copies)
        fixed = MeasureConfig(min_repeats=args.repeats, max_repeats=args.repeats)
        config = EvaluateConfig(args.suite, measure=fixed, measure_tiers=False, input_seed=SEED)
        runs = {
            f"local-{n}": timed_evaluate(f"local-{n}", n, samples, config, folder, jobs=n)
            for n in (1, 2)
        }
        for nodes in (1, 2):
            cluster = LocalRayCluster()
            try:
                started = time.perf_counter()
                for _ in range(nodes):
                    cluster.add_node(cpus=1)
                print(f"ray-{nodes}: cluster of {nodes} node(s) up in "
                      f"{time.perf_counter() - started:.1f} s")  # fmt: skip
                runs[f"ray-{nodes}"] = timed_evaluate(
                    f"ray-{nodes}", nodes, samples, config, folder, executor="ray",
                    address=cluster.address,
                )  # fmt: skip
                if nodes == 2:
                    by_size = sorted(
                        runs["ray-2"]["results"], key=lambda r: len(json.dumps(r.measurement))
                    )
                    typical = by_size[len(by_size) // 2]
                    driver = driver_costs(cluster.address, typical, folder)
            finally:
                cluster.stop()
        written = store_write_ms(typical, folder)
    size = len(json.dumps(typical.measurement))
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if code_hash() != code:
        print("WARNING: codeeff's sources changed during the run: the figures mix code")
    print("\nthroughput ratios (this run):")
    for faster, slower, note in [
        ("ray-1", "local-1", "Ray's cost on one worker"),
        ("ray-2", "ray-1", "target >= 1.8x"),
        ("local-2", "local-1", "what two workers give on this machine without Ray"),
        ("ray-2", "local-2", "Ray's cost on two workers"),
    ]:
        ratio = runs[faster]["per_min"] / runs[slower]["per_min"]
        print(f"  {faster:7s} / {slower:7s} {ratio:5.2f}x  ({note})")
    print("\ndriver, per result:")
    print(f"  Store.add_result of the median measurement ({size / 1000:.1f} kB JSON): "
          f"{written:.2f} ms")  # fmt: skip
    print(
        f"  the driver's whole loop (Ray round trip, scheduler, store write), 2 actors "
        f"answering at once: {driver['cpu_ms']:.2f} ms CPU, {driver['per_s']:.0f} results/s"
    )
    print(f"  ray.wait over {IN_FLIGHT_100_NODES} in-flight jobs (once per result): "
          f"{driver['wait_ms']:.2f} ms")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
