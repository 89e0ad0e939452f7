"""`codeeff serve`: a real uvicorn server on a loopback port, started as its own process,
with real API keys and the real sandbox measuring each job."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from codeeff import api_keys
from codeeff.job_queue import JobQueue

TASK = "core/pair_sum_count"
RIGHT = (Path(__file__).resolve().parents[1] / "reference_solutions" / "core" / "pair_sum_count"
         / "expert.py").read_text()  # fmt: skip
WRONG = "def count_pairs(values, target):\n    return 0\n"
SLOW = "def count_pairs(values, target):\n    while True:\n        pass\n"
HOSTILE = (
    "import os\n"
    "def count_pairs(values, target):\n"
    "    os.kill(os.getppid(), 9)\n"
    "    while True:\n"
    "        os.fork()\n"
)
LAUNCH = (
    "import sys\nfrom pathlib import Path\nfrom codeeff.server import ServeConfig, serve\n"
    "db, keys, port = sys.argv[1], sys.argv[2], int(sys.argv[3])\n"
    "serve(ServeConfig(db=Path(db), keys=Path(keys), workers=2, max_solution_bytes=4096,\n"
    "                  max_queued_per_key=1000,\n"
    "                  submissions_per_minute=int(sys.argv[4]), drain_timeout_s=20),\n"
    "      port=port)\n"
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """One `codeeff serve` process; restartable on the same files."""

    def __init__(self, folder: Path, per_minute: int = 1000):
        self.db, self.keys, self.per_minute = folder / "api.db", folder / "keys.json", per_minute
        self.port, self.process = _free_port(), None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", LAUNCH, str(self.db), str(self.keys), str(self.port),
             str(self.per_minute)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if self.call("GET", "/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"server did not start: {self.process.stdout.read()}")

    def call(self, method: str, path: str, body=None, token: str | None = None,
             raw: bytes | None = None) -> tuple[int, dict | str, dict]:  # fmt: skip
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data,
                                         method=method)  # fmt: skip
        request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(request, timeout=90) as response:
                status, text, headers = response.status, response.read().decode(), response.headers
        except urllib.error.HTTPError as error:
            status, text, headers = error.code, error.read().decode(), error.headers
        try:
            return status, json.loads(text), dict(headers)
        except json.JSONDecodeError:
            return status, text, dict(headers)

    def stop(self, sig: int = signal.SIGTERM) -> int:
        self.process.send_signal(sig)
        return self.process.wait(timeout=60)


@pytest.fixture
def server(tmp_path):
    running = Server(tmp_path)
    running.start()
    yield running
    if running.process.poll() is None:
        running.stop(signal.SIGKILL)


def _key(server: Server, name: str = "agent") -> tuple[str, str]:
    key, token = api_keys.create_key(server.keys, name)
    return key.key_id, token


def _result(server: Server, token: str, job_id: str) -> dict:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        status, job, _ = server.call("GET", f"/v1/jobs/{job_id}?wait=30", token=token)
        assert status == 200, job
        if job["status"] in ("done", "cancelled"):
            return job
    raise AssertionError(f"job {job_id} did not finish")


def test_every_endpoint_but_health_needs_a_live_key_and_a_key_sees_only_its_jobs(server):
    _, token = _key(server, "first")
    other_id, other = _key(server, "second")
    assert server.call("GET", "/healthz")[0] == 200
    for path in ("/v1/problems", f"/v1/problems/{TASK}", "/v1/jobs", "/metrics"):
        assert server.call("GET", path)[0] == 401  # no key
        assert server.call("GET", path, token="ce_00000000_forged")[0] == 401  # wrong key
        assert server.call("GET", path, token=token)[0] == 200
    status, shown, _ = server.call("GET", f"/v1/problems/{TASK}", token=token)
    assert shown["entry_point"] == "count_pairs" and "def count_pairs" in shown["prompt"]
    assert "expert" not in json.dumps(shown) and "generate" not in shown  # no references
    status, job, _ = server.call("POST", "/v1/jobs", {"task_id": TASK, "source": WRONG}, token)
    assert status == 202
    assert server.call("GET", f"/v1/jobs/{job['job_id']}", token=other)[0] == 404
    assert server.call("DELETE", f"/v1/jobs/{job['job_id']}", token=other)[0] == 404
    assert server.call("GET", "/v1/jobs", token=other)[1] == []
    api_keys.revoke_key(server.keys, other_id)
    assert server.call("GET", "/v1/jobs", token=other)[0] == 401  # revoked, no restart


def test_malformed_and_oversized_requests_are_refused_with_their_reason(server):
    _, token = _key(server)
    cases = [
        ({"task_id": TASK}, 422), ({"task_id": "../etc", "source": RIGHT}, 422),
        ({"task_id": "core/no_such_task", "source": RIGHT}, 404),
        ({"task_id": TASK, "source": RIGHT, "extra": 1}, 422),
        ({"task_id": TASK, "source": ""}, 422),
        ({"task_id": TASK, "source": "x" * 5000}, 413),
    ]  # fmt: skip
    for body, expected in cases:
        status, answer, _ = server.call("POST", "/v1/jobs", body, token)
        assert status == expected, (body, answer)
        assert "detail" in answer
    assert server.call("POST", "/v1/jobs", raw=b"{not json", token=token)[0] == 422
    assert server.call("POST", "/v1/jobs", raw=b"x" * 300_000, token=token)[0] == 413
    assert server.call("GET", "/v1/jobs/zzz", token=token)[0] == 404
    assert server.call("GET", "/v1/jobs?limit=0", token=token)[0] == 422


def test_a_batch_is_accepted_or_refused_as_a_whole(server):
    from codeeff.client import Client

    _, token = _key(server)
    client = Client(f"http://127.0.0.1:{server.port}", token)
    sample = {"task_id": TASK, "source": WRONG}
    refused = [
        ({"samples": []}, 422), ({"samples": [sample] * 65}, 422),
        ({"samples": [sample, {"task_id": "core/no_such_task", "source": RIGHT}]}, 404),
        ({"samples": [sample, {"task_id": TASK, "source": "x" * 5000}]}, 413),
    ]  # fmt: skip
    for body, expected in refused:
        status, answer, _ = server.call("POST", "/v1/batches", body, token)
        assert status == expected, (body, answer)
    assert server.call("GET", "/v1/jobs", token=token)[1] == []  # none of them queued
    job_ids = client.submit_batch([(TASK, WRONG), (TASK, RIGHT)])
    assert len(set(job_ids)) == 2
    assert [client.wait(job_id)["verdict"] for job_id in job_ids] == ["WA", "OK"]


def test_too_many_submissions_a_minute_get_429_with_retry_after(tmp_path):
    limited = Server(tmp_path, per_minute=2)
    limited.start()
    try:
        _, token = _key(limited)
        statuses = [limited.call("POST", "/v1/jobs", {"task_id": TASK, "source": WRONG}, token)
                    for _ in range(3)]  # fmt: skip
        assert [s for s, _, _ in statuses] == [202, 202, 429]
        assert int(statuses[2][2]["retry-after"]) >= 1
        _, other = _key(limited, "other")  # a batch over the limit is refused whole
        batch = {"samples": [{"task_id": TASK, "source": WRONG}] * 3}
        assert limited.call("POST", "/v1/batches", batch, other)[0] == 429
        assert limited.call("GET", "/v1/jobs", token=other)[1] == []
        metrics = limited.call("GET", "/metrics", token=token)[1]
        assert 'codeeff_rejected_total{status="429"} 2' in metrics
    finally:
        limited.stop(signal.SIGKILL)


def test_right_wrong_slow_and_hostile_solutions_get_the_verdicts_evaluate_gives(server):
    from codeeff.client import Client

    _, token = _key(server)
    client = Client(f"http://127.0.0.1:{server.port}", token)
    assert TASK in {p["task_id"] for p in client.problems("core")}
    jobs = {name: client.submit(TASK, source) for name, source in
            (("right", RIGHT), ("wrong", WRONG), ("slow", SLOW), ("hostile", HOSTILE))}  # fmt: skip
    key, shown_token = api_keys.create_key(server.keys, "debugging", show_failed_cases=True)
    shown = Client(f"http://127.0.0.1:{server.port}", shown_token)
    jobs["wrong_shown"] = shown.submit(TASK, WRONG)
    results = {name: (shown if name == "wrong_shown" else client).wait(job_id)
               for name, job_id in jobs.items()}  # fmt: skip
    assert results["right"]["verdict"] == "OK" and results["right"]["passed"]
    assert 0.8 < results["right"]["score"] < 1.2 and results["right"]["levels"]
    # Timing feedback: the growth over the sized levels, next to the expert's.
    growth = results["right"]["feedback"]["growth"]
    assert growth["sizes"] == [54000, 55000, 90000]
    assert growth["ci95"][0] <= growth["exponent"] <= growth["ci95"][1]
    assert "expert_exponent" in growth and results["right"]["feedback"]["costliest_level"]
    assert results["wrong"]["verdict"] == "WA" and not results["wrong"]["passed"]
    # The failed edge case is shown only to a key allowed to see it.
    assert "counterexample" not in results["wrong"]
    assert results["wrong_shown"]["counterexample"] == {
        "level": "edge", "case": 2, "verdict": "WA", "input": "[2, 2], 4", "expected": "1",
        "actual": "0"}  # fmt: skip
    assert results["slow"]["verdict"] == "TLE"
    assert not results["hostile"]["passed"]
    assert server.call("GET", "/healthz")[0] == 200  # the server outlived them
    metrics = server.call("GET", "/metrics", token=token)[1]
    assert 'codeeff_jobs{state="done"} 5' in metrics


def test_a_killed_server_finishes_every_accepted_job_once_after_a_restart(server):
    """200 jobs in flight, the server killed (SIGKILL) mid-load: after a restart each is
    done, once, with its verdict."""
    _, token = _key(server)
    accepted = []
    for index in range(200):
        source = RIGHT if index % 20 == 0 else WRONG  # wrong ones end at the gate: quick
        status, job, _ = server.call("POST", "/v1/jobs", {"task_id": TASK, "source": source}, token)
        assert status == 202
        accepted.append((job["job_id"], "OK" if index % 20 == 0 else "WA"))
    time.sleep(3)  # some done, some running, most queued
    server.stop(signal.SIGKILL)
    queue = JobQueue(server.db)
    before = queue.counts()
    queue.close()
    assert before["done"] < 200 and before["queued"] + before["running"] > 0
    server.start()
    finished = [(_result(server, token, job_id), verdict) for job_id, verdict in accepted]
    assert all(job["status"] == "done" for job, _ in finished)
    assert [job["result"]["verdict"] for job, _ in finished] == [v for _, v in finished]
    queue = JobQueue(server.db)
    assert queue.counts() == {"queued": 0, "running": 0, "done": 200, "cancelled": 0}
    assert all(queue.get(job_id).attempts <= 2 for job_id, _ in accepted)
    queue.close()


def test_sigterm_drains_the_running_jobs_and_requeues_the_rest(server):
    _, token = _key(server)
    accepted = [server.call("POST", "/v1/jobs", {"task_id": TASK, "source": RIGHT}, token)[1]
                ["job_id"] for _ in range(6)]  # fmt: skip
    time.sleep(1.5)
    # uvicorn shuts down, then raises the signal again for its default action.
    assert server.stop(signal.SIGTERM) in (0, -signal.SIGTERM)
    queue = JobQueue(server.db)
    counts = queue.counts()
    assert counts["running"] == 0 and counts["done"] + counts["queued"] == 6
    queue.close()
    server.start()
    assert all(_result(server, token, job_id)["status"] == "done" for job_id in accepted)


def test_keys_are_stored_hashed(tmp_path):
    key, token = api_keys.create_key(tmp_path / "keys.json", "agent")
    stored = (tmp_path / "keys.json").read_text()
    assert token not in stored and key.sha256 in stored
    assert os.stat(tmp_path / "keys.json").st_mode & 0o077 == 0
    keys = api_keys.load_keys(tmp_path / "keys.json")
    assert api_keys.authenticate(keys, token).key_id == key.key_id
    assert api_keys.authenticate(keys, token + "x") is None


def test_one_key_cannot_take_every_worker(tmp_path):
    queue = JobQueue(tmp_path / "jobs.db")
    first, second = queue.add("a", TASK, WRONG), queue.add("a", TASK, WRONG)
    other = queue.add("b", TASK, WRONG)
    assert queue.claim(max_running_per_key=1).job_id == first.job_id
    assert queue.claim(max_running_per_key=1).job_id == other.job_id  # a's second waits
    assert queue.claim(max_running_per_key=1) is None
    assert queue.finish(first.job_id, {"verdict": "WA"})
    assert not queue.finish(first.job_id, {"verdict": "WA"})  # done once
    assert queue.claim(max_running_per_key=1).job_id == second.job_id
    assert queue.cancel(second.job_id) and not queue.finish(second.job_id, {"verdict": "OK"})
    queue.close()


def _pool_workers(server_pid: int) -> list[int]:
    workers = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == server_pid and b"spawn_main" in cmdline:
            workers.append(int(entry.name))
    return workers


def test_a_worker_killed_mid_job_costs_a_retry_not_the_job(server):
    _, token = _key(server)
    jobs = [server.call("POST", "/v1/jobs", {"task_id": TASK, "source": RIGHT}, token)[1]
            ["job_id"] for _ in range(3)]  # fmt: skip
    deadline = time.monotonic() + 60
    while not (workers := _pool_workers(server.process.pid)) and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(1.0)
    for pid in workers:
        os.kill(pid, signal.SIGKILL)
    results = [_result(server, token, job)["result"] for job in jobs]
    assert [r["verdict"] for r in results] == ["OK"] * 3, [r.get("error") for r in results]
    assert server.call("GET", "/healthz")[0] == 200


def test_the_whole_openapi_schema_holds_under_schemathesis(server):
    """Every operation, fuzzed and walked statefully: no server error (5xx), no response
    outside its documented schema, no undocumented status."""
    _, token = _key(server)
    schemathesis = Path(sys.executable).with_name("schemathesis")
    run = subprocess.run(
        [str(schemathesis), "run", f"http://127.0.0.1:{server.port}/openapi.json",
         "-H", f"Authorization: Bearer {token}", "--checks", "all", "--max-examples", "25"],
        capture_output=True, text=True, timeout=600, cwd=server.db.parent,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout[-4000:]
    assert "5xx" not in run.stdout and "Server error" not in run.stdout


def test_server_sent_events_follow_a_job_to_its_result(server):
    _, token = _key(server)
    job_id = server.call("POST", "/v1/jobs", {"task_id": TASK, "source": WRONG}, token)[1]["job_id"]
    request = urllib.request.Request(
        f"http://127.0.0.1:{server.port}/v1/jobs/{job_id}/events?timeout=120",
        headers={"Authorization": f"Bearer {token}"},
    )
    with urllib.request.urlopen(request, timeout=150) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        text = response.read().decode()
    events = [json.loads(line.removeprefix("data: ")) for line in text.splitlines()
              if line.startswith("data: ")]  # fmt: skip
    assert events[-1]["status"] == "done" and events[-1]["result"]["verdict"] == "WA"
    assert len({event["status"] for event in events}) == len(events)  # one per change
    assert server.call("GET", "/v1/jobs/0123456789abcdef/events", token=token)[0] == 404
