"""Growth feedback, A/A: how stable is the exponent the API reports, run to run?

Evaluates every expert of a suite as a sample, twice, each run on fresh inputs
(`codeeff evaluate --new-run --json`), and compares the growth exponents the two runs
report (feedback.growth). The sample and the reference are the same code, so the
relative exponent (sample against the expert beside it) should be 0. Prints, per task,
both runs' exponents with their 95% intervals and the relative exponent, then: the
median run-to-run difference, the median interval width, how often each run's interval
holds the other run's estimate (an interval that covers only timing noise will miss
where the inputs, drawn fresh, or the host's speed between levels change the work), and
how often the relative exponent is within 0.1 of 0 and its interval holds 0.

    python bench/growth_stability.py [--suite core] [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path


def _codeeff(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "codeeff.cli", *args], check=True)


def _exponents(path: Path) -> dict[str, dict]:
    """task -> the growth figures of its one sample (tasks without an exponent left out)."""
    found = {}
    for task, summary in json.loads(path.read_text())["tasks"].items():
        samples = summary.get("samples") or [{}]
        growth = samples[0].get("feedback", {}).get("growth", {})
        if "exponent" in growth:
            found[task] = growth
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", default="core")
    parser.add_argument("--jobs", default="2")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        samples = work / "experts.jsonl"
        _codeeff("references", "--suite", args.suite, "--tier", "expert", "-o", str(samples))
        runs = []
        for run in (1, 2):
            out = work / f"run{run}.json"
            _codeeff("evaluate", "--samples", str(samples), "--suite", args.suite, "--no-tiers",
                     "--new-run", "--jobs", args.jobs, "--db", str(work / "r.db"), "--quiet",
                     "--json", str(out))  # fmt: skip
            runs.append(_exponents(out))
    first, second = runs
    tasks = sorted(set(first) & set(second))
    print(f"{'task':30} {'run 1 [95% CI]':>20} {'run 2 [95% CI]':>20}   relative, run 1 and 2")
    for task in tasks:
        a, b = first[task], second[task]
        print(f"{task:30} {a['exponent']:6.2f} [{a['ci95'][0]:5.2f},{a['ci95'][1]:5.2f}]"
              f" {b['exponent']:6.2f} [{b['ci95'][0]:5.2f},{b['ci95'][1]:5.2f}]"
              f"   {a['relative_exponent']:+.3f} {b['relative_exponent']:+.3f}")  # fmt: skip
    differences = [abs(first[t]["exponent"] - second[t]["exponent"]) for t in tasks]
    widths = [run[t]["ci95"][1] - run[t]["ci95"][0] for run in runs for t in tasks]
    covered = sum(
        other[t]["ci95"][0] <= run[t]["exponent"] <= other[t]["ci95"][1]
        for run, other in ((first, second), (second, first)) for t in tasks
    )  # fmt: skip
    self_agree = sum(abs(run[t]["relative_exponent"]) <= 0.1 for run in runs for t in tasks)
    zero_inside = sum(
        run[t]["relative_ci95"][0] <= 0 <= run[t]["relative_ci95"][1] for run in runs for t in tasks
    )
    print(f"\ntasks with an exponent in both runs: {len(tasks)}")
    print(f"run-to-run |difference|: median {statistics.median(differences):.3f}, "
          f"max {max(differences):.3f}")  # fmt: skip
    print(f"95% interval width: median {statistics.median(widths):.3f}, max {max(widths):.3f}")
    print(f"a run's estimate inside the other run's interval: {covered} of {2 * len(tasks)}")
    print(f"relative exponent of the expert's own code within 0.1 of 0: "
          f"{self_agree} of {2 * len(tasks)}; its 95% interval holds 0: "
          f"{zero_inside} of {2 * len(tasks)}")  # fmt: skip


if __name__ == "__main__":
    main()
