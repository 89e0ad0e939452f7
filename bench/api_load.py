"""Load on the sandbox API: N concurrent clients submit a mix of solutions to a real
`codeeff serve` on a loopback port, and wait for every result.

Prints the accepted submissions per second, the submit latency (p50, p95), the queue
wait (from acceptance to the start of measurement, p50 and p95), the end-to-end time,
and whether every accepted job got the verdict that `codeeff evaluate` gives the same
solution (run right after, on the same machine). Bounded: --clients x --jobs jobs,
--timeout seconds.

    python bench/api_load.py [--clients 8] [--jobs 4] [--task core/pair_sum_count]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from codeeff import api_keys
from codeeff.client import ApiError, Client
from codeeff.problems import load_task

LAUNCH = (
    "import sys\nfrom pathlib import Path\nfrom codeeff.server import ServeConfig, serve\n"
    "serve(ServeConfig(db=Path(sys.argv[1]), keys=Path(sys.argv[2]), max_queued_per_key=10000,"
    " submissions_per_minute=100000), port=int(sys.argv[3]))\n"
)


def mix(task_id: str) -> dict[str, str]:
    """The solutions submitted, by name: the expert, the slowest tier, a wrong answer and
    one that never ends."""
    problem = load_task(task_id)
    name = problem.entry_point
    return {
        "expert": problem.expert.source,
        "slowest_tier": problem.tiers[0].source,
        "wrong": f"def {name}(*args):\n    return None\n",
        "timeout": f"def {name}(*args):\n    while True:\n        pass\n",
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def evaluate_verdicts(task_id: str, sources: dict[str, str], folder: Path) -> dict[str, str]:
    """What `codeeff evaluate` says of each solution (one sample each)."""
    samples = folder / "mix.jsonl"
    names = list(sources)
    samples.write_text(
        "".join(json.dumps({"task_id": task_id, "solution": sources[n]}) + "\n" for n in names)
    )
    out = folder / "evaluate.json"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "codeeff.cli",
            "evaluate",
            "--samples",
            str(samples),
            "--suite",
            task_id.split("/")[0],
            "--db",
            str(folder / "evaluate.db"),
            "--no-tiers",
            "--quiet",
            "--json",
            str(out),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    verdicts = [s["verdict"] for s in json.loads(out.read_text())["tasks"][task_id]["samples"]]
    return dict(zip(names, verdicts, strict=True))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--jobs", type=int, default=4, help="jobs per client")
    parser.add_argument("--task", default="core/pair_sum_count")
    parser.add_argument("--timeout", type=float, default=1200)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="codeeff-api-load-"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    keys = folder / "keys.json"
    tokens = [api_keys.create_key(keys, f"client{i}")[1] for i in range(args.clients)]
    server = subprocess.Popen(
        [sys.executable, "-c", LAUNCH, str(folder / "api.db"), str(keys), str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    sources = mix(args.task)
    names = list(sources)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                Client(url, tokens[0]).problem(args.task)
                break
            except (OSError, ApiError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        latencies, accepted, refused = [], [], []
        lock = threading.Lock()

        def client(index: int) -> None:
            api = Client(url, tokens[index])
            for job in range(args.jobs):
                name = names[(index + job) % len(names)]
                started = time.perf_counter()
                try:
                    job_id = api.submit(args.task, sources[name], retries=0)
                except ApiError as error:
                    with lock:
                        refused.append(error.status)
                    continue
                with lock:
                    latencies.append(time.perf_counter() - started)
                    accepted.append((index, name, job_id))

        began = time.perf_counter()
        threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        submitted_s = time.perf_counter() - began
        results = {}
        for index, name, job_id in accepted:
            api = Client(url, tokens[index])
            results[job_id] = (name, api.wait(job_id, timeout_s=args.timeout), api.job(job_id))
        total_s = time.perf_counter() - began
    finally:
        server.kill()
        server.wait()
    waits = [job["started_at"] - job["created_at"] for _, _, job in results.values()]
    expected = evaluate_verdicts(args.task, sources, folder)
    mismatches = [
        (name, result["verdict"], expected[name])
        for name, result, _ in results.values()
        if result["verdict"] != expected[name]
    ]
    print(
        f"{args.clients} clients x {args.jobs} jobs on {args.task} ({os.cpu_count()} CPUs, "
        f"loopback): {len(accepted)} accepted, {len(refused)} refused {sorted(set(refused))}"
    )
    print(f"  accepted/s during submission: {len(accepted) / submitted_s:.1f}")
    print(
        f"  submit latency: p50 {percentile(latencies, 0.5) * 1e3:.1f} ms, "
        f"p95 {percentile(latencies, 0.95) * 1e3:.1f} ms"
    )
    print(
        f"  queue wait: p50 {percentile(waits, 0.5):.1f} s, p95 {percentile(waits, 0.95):.1f} s "
        f"(median {statistics.median(waits):.1f} s)"
    )
    print(f"  all results in {total_s:.1f} s ({len(results) / total_s:.2f} jobs/s)")
    print(f"  verdicts as `codeeff evaluate` gives them: {expected}")
    print(f"  every accepted job's verdict the same: {'yes' if not mismatches else mismatches}")
    return 0 if not mismatches and len(results) == len(accepted) else 1


if __name__ == "__main__":
    sys.exit(main())
