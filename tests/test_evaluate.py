"""The evaluation pipeline: samples -> sandbox -> store -> metrics, resume, bad input."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from codeeff import metrics
from codeeff.evaluate import EvaluateConfig, SamplesError, evaluate, read_samples
from codeeff.measure import MeasureConfig
from codeeff.problems import load_suite
from codeeff.report import summarize_stored_run
from codeeff.store import Store
from tests.fixtures.mini_suite import CRASH, EXPERT, NAIVE, SLOW, WRONG, write_mini_suite

# Enough pairs that a burst on a ~5 ms case moves a score by less than the +-0.2 allowed.
FAST = MeasureConfig(min_repeats=4, max_repeats=8)


@pytest.fixture
def mini_root(tmp_path: Path) -> Path:
    return write_mini_suite(tmp_path / "root", {"alpha": 60_000, "beta": 80_000})


def _write_samples(path: Path, rows: list[tuple[str, str]]) -> Path:
    path.write_text("".join(json.dumps({"task_id": t, "solution": s}) + "\n" for t, s in rows))
    return path


def _run(samples: Path, root: Path, db: Path, **config):
    return evaluate(
        samples, EvaluateConfig(suite="mini", measure=FAST, **config), db, jobs=2, root=root
    )


def test_mixed_samples_give_the_hand_computed_pass_and_eff_at_k(mini_root, tmp_path):
    samples = _write_samples(
        tmp_path / "mixed.jsonl",
        [
            ("mini/alpha", EXPERT), ("mini/alpha", WRONG), ("mini/alpha", CRASH),
            ("mini/beta", EXPERT), ("mini/beta", SLOW), ("mini/beta", EXPERT),
        ],
    )  # fmt: skip
    db = tmp_path / "r.db"
    outcome = _run(samples, mini_root, db, measure_tiers=False)
    with Store(db) as store:
        result = summarize_stored_run(store, outcome.run_id, ks=(1, 2, 3))
    alpha, beta = result["tasks"]["mini/alpha"], result["tasks"]["mini/beta"]
    assert [s["verdict"] for s in alpha["samples"]] == ["OK", "WA", "RE"]
    assert [s["verdict"] for s in beta["samples"]] == ["OK", "TLE", "OK"]
    # pass@k by hand: alpha has 1 of 3 correct, beta 3 of 3 (a TLE answer is correct).
    assert alpha["pass@1"] == pytest.approx(1 / 3)
    assert alpha["pass@2"] == pytest.approx(1 - 1 / 3)  # 1 - C(2,2)/C(3,2)
    assert alpha["pass@3"] == 1.0 and beta["pass@1"] == 1.0
    # eff@k by hand from the per-sample scores e (failures and timeouts score 0).
    a = sorted(s["score"] for s in alpha["samples"])
    b = sorted(s["score"] for s in beta["samples"])
    assert a[0] == a[1] == 0 and 0.8 < a[2] < 1.2
    assert b[0] == 0 and all(0.8 < e < 1.2 for e in b[1:])
    assert alpha["eff@1"] == pytest.approx(sum(a) / 3)
    assert alpha["eff@2"] == pytest.approx((1 / 3) * a[1] + (2 / 3) * a[2])
    assert alpha["eff@3"] == pytest.approx(a[2])
    assert beta["eff@2"] == pytest.approx((1 / 3) * b[1] + (2 / 3) * b[2])
    summary = result["summary"]
    assert summary["pass@1"] == pytest.approx((1 / 3 + 1) / 2)
    assert summary["eff@1"] == pytest.approx((sum(a) / 3 + sum(b) / 3) / 2)
    assert summary["ci95"]["pass@1"][0] <= summary["pass@1"] <= summary["ci95"]["pass@1"][1]


def test_task_without_samples_counts_as_zero(mini_root, tmp_path):
    samples = _write_samples(tmp_path / "one.jsonl", [("mini/alpha", EXPERT)])
    db = tmp_path / "r.db"
    outcome = _run(samples, mini_root, db, measure_tiers=False)
    with Store(db) as store:
        summary = summarize_stored_run(store, outcome.run_id)["summary"]
    assert summary["tasks"] == 2 and summary["tasks_with_samples"] == 1
    assert summary["pass@1"] == pytest.approx(0.5)


def test_tiers_are_measured_in_the_run_for_beyond_and_dps(mini_root, tmp_path):
    samples = _write_samples(tmp_path / "s.jsonl", [("mini/alpha", EXPERT)])
    db = tmp_path / "r.db"
    outcome = _run(samples, mini_root, db)
    with Store(db) as store:
        task = summarize_stored_run(store, outcome.run_id)["tasks"]["mini/alpha"]
    assert task["tier_runtimes_s"]["naive"] > 3 * task["expert_runtime_s"]
    # The expert as a sample sits at the fast end of the ladder: it matches the expert
    # tier (100) or, if measured a little slower than the tier figure, the naive one (50).
    assert 0.5 < task["beyond@1"] <= 1.0 and task["dps_norm"] in (50.0, 100.0)


def test_a_sample_over_the_time_limit_fails_beyond_and_dps(mini_root, tmp_path):
    # The naive tier's own code as a sample: TLE at 2x the expert, so its runtime is only
    # known to exceed that; censored there, it would rank far above the naive tier's rung.
    samples = _write_samples(tmp_path / "s.jsonl", [("mini/alpha", EXPERT), ("mini/alpha", NAIVE)])
    db = tmp_path / "r.db"
    outcome = _run(samples, mini_root, db)
    with Store(db) as store:
        task = summarize_stored_run(store, outcome.run_id, ks=(2,))["tasks"]["mini/alpha"]
    assert [s["verdict"] for s in task["samples"]] == ["OK", "TLE"]
    # Beyond@2 and DPS are the two samples' mean: the expert's (about 1 / 100) and 0.
    assert 0.25 < task["beyond@2"] <= 0.5 and 25.0 <= task["dps_norm"] <= 50.0


def test_the_run_records_the_guarantees_its_sandboxes_had(mini_root, tmp_path):
    """Not the host probe's defaults (all False until a sandbox runs): what the measuring
    sandboxes had, and nothing that one of them lacked."""
    samples = _write_samples(tmp_path / "s.jsonl", [("mini/alpha", EXPERT)])
    db = tmp_path / "r.db"
    outcome = _run(samples, mini_root, db, measure_tiers=False)
    with Store(db) as store:
        recorded = store.run(outcome.run_id)["machine"]["sandbox_guarantees"]
        measured = [result.measurement["guarantees"] for result in store.results(outcome.run_id)]
    assert recorded["namespaces"] and recorded["seccomp"] and recorded["network_isolated"]
    claimed = [name for name, value in recorded.items() if value is True]
    assert all(sandbox[name] is True for sandbox in measured for name in claimed)


def test_a_guarantee_holds_for_a_run_only_if_every_sandbox_had_it():
    from codeeff.evaluate import guarantees_held_by_all

    probe = {"seccomp": True, "namespaces": True, "new_flag": True, "fallbacks": []}
    measured = [
        {"seccomp": True, "namespaces": False, "new_flag": True, "fallbacks": ["memory: rlimit"]},
        {"seccomp": True, "namespaces": True, "fallbacks": ["threads: RLIMIT_NPROC"]},
        {},  # a sample that did not compile: no sandbox measured it
    ]
    assert guarantees_held_by_all([probe, *measured]) == {
        "seccomp": True,
        "namespaces": False,
        "new_flag": False,  # absent from a record stored before the field existed
        "fallbacks": ["memory: rlimit", "threads: RLIMIT_NPROC"],
    }


def test_same_command_resumes_and_changed_config_starts_a_new_run(mini_root, tmp_path):
    samples = _write_samples(tmp_path / "s.jsonl", [("mini/alpha", EXPERT)])
    db = tmp_path / "r.db"
    first = _run(samples, mini_root, db, measure_tiers=False)
    again = _run(samples, mini_root, db, measure_tiers=False)
    assert again.run_id == first.run_id and again.resumed and again.measured == 0
    changed = _run(samples, mini_root, db, measure_tiers=False, alpha=3.0)
    assert changed.run_id != first.run_id and changed.measured == 1


def _memorizer(root: Path) -> str:
    """A sample that looks up the expert's answers to the published inputs (anyone can
    replay the published seeds) and answers anything else wrongly."""
    answers = {}
    for problem in load_suite("mini", root):
        for level in [*problem.levels, problem.random_level()]:
            cases = [problem.generate(level, case) for case in range(level.cases)]
            for args, answer in zip(cases, problem.expected_outputs(level, cases), strict=True):
                answers[args[0]] = answer
    return f"ANSWERS = {answers!r}\ndef f(n):\n    return ANSWERS.get(n, -1)\n"


def test_answers_to_the_published_inputs_fail_on_a_runs_own_inputs(tmp_path):
    # A stress level of about 25 ms, so that a lookup is far faster than any algorithm.
    root = write_mini_suite(tmp_path / "root", {"alpha": 400_000})
    samples = _write_samples(tmp_path / "s.jsonl", [("mini/alpha", _memorizer(root))])
    db = tmp_path / "r.db"
    published = _run(samples, root, db, measure_tiers=False, input_seed="")
    fresh = _run(samples, root, db, measure_tiers=False)
    with Store(db) as store:
        on_published = summarize_stored_run(store, published.run_id)["tasks"]["mini/alpha"]
        on_fresh = summarize_stored_run(store, fresh.run_id)["tasks"]["mini/alpha"]
    # The lookup wins on inputs known in advance: the attack is real...
    assert on_published["samples"][0]["verdict"] == "OK"
    assert on_published["speedup"] > 5  # the expert itself scores about 1
    # ...and every run draws its own inputs, which it cannot know.
    assert fresh.input_seed and on_fresh["samples"][0]["verdict"] == "WA"


def test_a_resumed_run_keeps_its_input_seed(mini_root, tmp_path):
    samples = _write_samples(tmp_path / "s.jsonl", [("mini/alpha", EXPERT)])
    db = tmp_path / "r.db"
    first = _run(samples, mini_root, db, measure_tiers=False)
    again = _run(samples, mini_root, db, measure_tiers=False)
    other = _run(samples, mini_root, tmp_path / "other.db", measure_tiers=False)
    assert again.resumed and again.input_seed == first.input_seed
    assert other.input_seed != first.input_seed
    fixed = _run(samples, mini_root, db, measure_tiers=False, input_seed=first.input_seed)
    assert fixed.input_seed == first.input_seed and fixed.run_id != first.run_id


def test_a_sample_wrong_only_on_small_random_inputs_fails_the_gate(mini_root, tmp_path):
    """Right on the edge cases (n < 10) and on the stress inputs, wrong in between: only
    the problem's random cases (10 <= n < 30 here) cover that class."""
    wrong_between = "def f(n):\n    return sum(i * i for i in range(n)) + (10 <= n < 100)\n"
    samples = _write_samples(tmp_path / "s.jsonl", [("mini/alpha", wrong_between)])
    outcome = _run(samples, mini_root, tmp_path / "r.db", measure_tiers=False)
    with Store(tmp_path / "r.db") as store:
        (sample,) = summarize_stored_run(store, outcome.run_id)["tasks"]["mini/alpha"]["samples"]
    assert sample["verdict"] == "WA"


def _cli(*args: str, root: Path) -> subprocess.Popen:
    env = dict(os.environ, CODEEFF_ROOT=str(root))
    return subprocess.Popen(
        [sys.executable, "-m", "codeeff.cli", *args], env=env, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip


def _verdicts(db: Path) -> dict[tuple[str, str], str]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT sample_key, task_id, verdict FROM results")
        return {(key, task): verdict for key, task, verdict in rows}


def _finished_so_far(db: Path) -> int:
    """Results a still-running evaluation has stored; 0 while it has not yet made its schema."""
    try:
        return len(_verdicts(db)) if db.exists() else 0
    except sqlite3.OperationalError:  # the file exists before its tables do
        return 0


def test_kill_9_then_rerun_finishes_without_loss_or_double_measurement(mini_root, tmp_path):
    rows = [(t, s) for t in ("mini/alpha", "mini/beta") for s in (EXPERT, WRONG, SLOW, CRASH)]
    samples = _write_samples(tmp_path / "s.jsonl", rows)
    args = ["evaluate", "--samples", str(samples), "--suite", "mini", "--jobs", "1",
            "--no-tiers", "--quiet"]  # fmt: skip
    killed_db, clean_db = tmp_path / "killed.db", tmp_path / "clean.db"
    process = _cli(*args, "--db", str(killed_db), root=mini_root)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and _finished_so_far(killed_db) < 2:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    finished_before = len(_verdicts(killed_db))
    assert 2 <= finished_before < len(rows), "the kill should land mid-run"
    rerun = _cli(*args, "--db", str(killed_db), root=mini_root)
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert f"{len(rows) - finished_before} measured now, {finished_before} already done" in err
    clean = _cli(*args, "--db", str(clean_db), root=mini_root)
    clean.communicate(timeout=300)
    assert _verdicts(killed_db) == _verdicts(clean_db)
    assert len(_verdicts(killed_db)) == len(rows)


@pytest.fixture
def core_problems():
    return {p.task_id: p for p in load_suite("core")}


def test_bad_lines_are_reported_and_the_rest_kept(tmp_path, core_problems):
    path = tmp_path / "s.jsonl"
    good = json.dumps({"task_id": "core/pair_sum_count", "solution": "def count_pairs(v, t): 0"})
    path.write_bytes(
        b"\n".join([
            good.encode(),
            b"{not json",
            json.dumps({"task_id": "core/nope", "solution": "x"}).encode(),
            b'{"task_id": "core/pair_sum_count", "solution": "\xff\xfe"}',
            json.dumps({"task_id": "core/pair_sum_count", "solution": "#" * (5 << 20)}).encode(),
            json.dumps({"task_id": "core/pair_sum_count"}).encode(),
            json.dumps(["a list"]).encode(),
        ])
    )  # fmt: skip
    parsed = read_samples(path, core_problems)
    assert [s.line_no for s in parsed.samples] == [1]
    messages = "\n".join(parsed.errors)
    assert "line 2: not valid JSON" in messages
    assert "line 3: unknown task 'core/nope'" in messages
    assert "line 4: not valid UTF-8" in messages
    assert "line 5: solution is 5.2 MB" in messages or "line 5: line is" in messages
    assert "line 6: needs a string 'solution'" in messages
    assert "line 7: a line must be a JSON object" in messages


def test_completion_is_appended_to_the_prompt(tmp_path, core_problems):
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps({"task_id": "core/pair_sum_count", "completion": "    return 0\n"}))
    (sample,) = read_samples(path, core_problems).samples
    assert sample.solution.startswith("def count_pairs") and sample.solution.endswith("return 0\n")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\n\n", "empty"),
        (b"{broken\n[1]\n", "no line could be evaluated"),
        (b"\xff\xfe\xfd\n", "no line could be evaluated"),
    ],
)
def test_nothing_to_evaluate_is_a_clear_error_and_nonzero_exit(tmp_path, content, message):
    path = tmp_path / "s.jsonl"
    path.write_bytes(content)
    with pytest.raises(SamplesError, match=message):
        read_samples(path, {})
    process = _cli("evaluate", "--samples", str(path), "--suite", "core", "--db",
                   str(tmp_path / "r.db"), root=Path(__file__).resolve().parents[1])  # fmt: skip
    _, err = process.communicate(timeout=60)
    assert process.returncode == 2 and message in err


def test_missing_samples_file_is_a_clear_error(tmp_path):
    process = _cli("evaluate", "--samples", str(tmp_path / "nope.jsonl"), "--suite", "core",
                   root=Path(__file__).resolve().parents[1])  # fmt: skip
    _, err = process.communicate(timeout=60)
    assert process.returncode == 2 and "no such file" in err


def test_eff_at_k_in_summary_is_the_metrics_estimator(mini_root, tmp_path):
    samples = _write_samples(tmp_path / "s.jsonl", [("mini/alpha", EXPERT)] * 2)
    db = tmp_path / "r.db"
    outcome = _run(samples, mini_root, db, measure_tiers=False)
    with Store(db) as store:
        task = summarize_stored_run(store, outcome.run_id, ks=(1, 2))["tasks"]["mini/alpha"]
    scores = [s["score"] for s in task["samples"]]
    assert task["eff@2"] == pytest.approx(metrics.eff_at_k(scores, 2))


def test_report_shows_runs_side_by_side_in_every_format(mini_root, tmp_path):
    from codeeff.cli import main

    db = tmp_path / "r.db"
    first = _write_samples(tmp_path / "model_a.jsonl", [("mini/alpha", EXPERT)])
    second = _write_samples(tmp_path / "model_b.jsonl", [("mini/alpha", CRASH)])
    for samples in (first, second):
        _run(samples, mini_root, db, measure_tiers=False)
    outputs = {}
    for fmt in ("table", "json", "csv", "md"):
        import contextlib
        import io

        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            assert main(["report", "--db", str(db), "--format", fmt]) == 0
        outputs[fmt] = buffer.getvalue()
    rows = json.loads(outputs["json"])
    assert [row["run"]["label"] for row in rows] == ["model_a", "model_b"]
    assert rows[0]["summary"]["pass@1"] == 0.5 and rows[1]["summary"]["pass@1"] == 0.0
    # Each sample's error, cut to the lines that point at its own code.
    crashed = rows[1]["tasks"]["mini/alpha"]["samples"][0]
    assert crashed["verdict"] == "RE"
    assert rows[0]["tasks"]["mini/alpha"]["samples"][0]["error"] == ""
    assert crashed["error"].splitlines()[-1] == "RuntimeError: boom"
    assert 'File "/tmp/solution.py", line 2, in f' in crashed["error"]
    assert "worker.py" not in crashed["error"]
    assert outputs["csv"].splitlines()[0].startswith("run,label,suite,tasks,pass@1,eff@1")
    assert "model_a" in outputs["table"] and "not measured" in outputs["table"]
    assert outputs["md"].startswith("| run | label |") and outputs["md"].count("\n") == 4


def test_report_on_an_empty_database_is_a_clear_error(tmp_path, capsys):
    from codeeff.cli import main

    assert main(["report", "--db", str(tmp_path / "empty.db")]) == 1
    assert "no runs" in capsys.readouterr().err


def test_a_worker_starts_one_reference_per_task_and_replaces_one_that_died(mini_root):
    """Jobs of one task in a row share the worker's reference sandbox; a kept one whose
    process died is replaced, and no job is judged with it."""
    from codeeff.executors import jobs
    from codeeff.executors.jobs import MeasureJob
    from codeeff.kinds import function
    from codeeff.sandbox.local import default_cpu
    from tests.test_measure import CountingBackend

    affinity = os.sched_getaffinity(0)
    jobs.init_worker(default_cpu(), str(mini_root))  # pins this process: undone below
    counting = CountingBackend(jobs._worker_state["backend"])
    jobs._worker_state["backend"] = counting
    try:

        def verdict(key: str, task: str, source: str) -> str:
            job = MeasureJob(key, f"mini/{task}", "sample", source, FAST, "s")
            return jobs.measure_job(job).measurement["verdict"]

        assert [verdict(str(i), "alpha", EXPERT) for i in range(3)] == ["OK"] * 3
        assert counting.opened == 4  # three candidates, one reference
        assert verdict("w", "alpha", WRONG) == "WA" and counting.opened == 5  # the kept one
        function._kept.sandbox.process.kill()
        assert verdict("3", "alpha", EXPERT) == "OK"
        assert verdict("4", "beta", EXPERT) == "OK"  # another task: its own reference
        assert function._kept.key[0] == "mini/beta"
    finally:
        function.drop_kept_reference()
        os.sched_setaffinity(0, affinity)


def test_pool_pins_cpu_workers_but_leaves_the_gpu_worker_its_cores():
    """A GPU suite's single worker must stay unpinned: the GPU runner splits the cores
    it is given between the candidate's and the trusted process."""
    from codeeff.executors.local import pool_cpus

    assert pool_cpus([0, 1, 2, 3], None, 10, gpu_suite=False) == [0, 1, 2, 3]
    assert pool_cpus([0, 1, 2, 3], 2, 10, gpu_suite=False) == [0, 1]
    assert pool_cpus([0, 1, 2, 3], None, 1, gpu_suite=False) == [0]
    assert pool_cpus([0, 1, 2, 3], None, 10, gpu_suite=True) == [None]


def test_a_measure_job_is_a_typed_record_that_round_trips():
    from codeeff.executors.jobs import MeasureJob

    job = MeasureJob("line:3", "mini/alpha", "sample", EXPERT, FAST, "salt")
    assert MeasureJob.from_dict(json.loads(json.dumps(job.to_dict()))) == job
    with pytest.raises(ValueError, match="role"):
        MeasureJob("line:3", "mini/alpha", "teleport", EXPERT, FAST, "salt")
