"""`codeeff serve`: the sandbox API for agents (FastAPI, served by uvicorn).

An agent submits a solution for a problem and gets back the verdict and the trusted
timing of `codeeff evaluate`, measured the same way (the problem's kind measures it in
the sandbox against the expert, on inputs drawn fresh for the job). Jobs are written to
the store's SQLite file before the 202 is sent (job_queue.py) and measured by a pool of
pinned worker processes (executors/jobs.py). Every endpoint but /healthz needs an API
key (api_keys.py); a key sees only its own jobs. Limits per key (running and queued
jobs, submissions per minute) answer 429 with Retry-After; a body or solution over its
limit 413; a malformed request 422 with the reason, never 500.
"""

# No `from __future__ import annotations` here: FastAPI reads the endpoints' annotations
# (Request, the Key dependency, the Submission model), defined inside create_app.
import asyncio
import collections
import contextlib
import json
import multiprocessing
import os
import re
import secrets
import sys
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from codeeff import api_keys, kinds
from codeeff.executors.jobs import MeasureJob, die_with_parent, init_worker, measure_job
from codeeff.executors.local import pool_cpus
from codeeff.job_queue import JobQueue
from codeeff.problems import ProblemFormatError, list_suites, load_suite, load_task
from codeeff.store import StoredResult

TASK_ID = re.compile(r"^[a-z0-9_]+/[a-z0-9_]+$")
LOOPBACK = ("127.0.0.1", "::1", "localhost")
MAX_BATCH = 64  # solutions in one POST /v1/batches


@dataclass
class ServeConfig:
    db: Path
    keys: Path
    root: Path | None = None
    workers: int = 0  # 0: one per CPU
    max_body_bytes: int = 256 * 1024
    max_solution_bytes: int = 64 * 1024
    max_running_per_key: int = 4
    max_queued_per_key: int = 64
    submissions_per_minute: int = 120
    queue_limit: int = 2000  # queued jobs of all keys: beyond, 429 (backpressure)
    drain_timeout_s: float = 30.0
    rejected: collections.Counter = field(default_factory=collections.Counter)


def score_job(task_id: str, measurement: dict[str, Any]) -> dict[str, Any]:
    """What a job's result says: its kind's view of one sample (verdict, pass, score,
    speedup, per-level times against the expert, peak memory, the error)."""
    problem_kind = kinds.of_measurement(measurement)
    stored = StoredResult("api", "line:0", task_id, "sample", measurement["verdict"],
                          bool(measurement["passed"]), measurement.get("error", ""),
                          measurement)  # fmt: skip
    task = kinds.get(problem_kind).summarize_task([stored], [], [1])
    sample = dict(task["samples"][0]) if task.get("samples") else {}
    sample.pop("key", None)
    return dict(sample, verdict=measurement["verdict"], passed=bool(measurement["passed"]))


def _init_api_worker(cpu_queue, root: str, server_pid: int) -> None:
    die_with_parent()
    if os.getppid() != server_pid:  # the server died before the line above: no orphans
        os._exit(0)
    init_worker(cpu_queue.get(), root)


# A job whose worker died (not the sample's doing: it runs in a sandbox below the worker)
# runs again, up to this many attempts in all.
MAX_ATTEMPTS = 3


class Scheduler:
    """Claims queued jobs and measures them on a pool of pinned workers, one job per
    worker at a time; stores each result as it comes."""

    def __init__(self, config: ServeConfig, root: Path):
        self.config, self.root = config, root
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._loop, name="codeeff-scheduler", daemon=True)
        self.cpus = pool_cpus(
            sorted(os.sched_getaffinity(0)), config.workers or None, 1 << 20, False
        )
        self.slots = len(self.cpus)
        self.pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("spawn")
        cpu_queue = context.Queue()
        for cpu in self.cpus:
            cpu_queue.put(cpu)
        return ProcessPoolExecutor(
            self.slots, mp_context=context, initializer=_init_api_worker,
            initargs=(cpu_queue, str(self.root), os.getpid()),
        )  # fmt: skip

    def start(self) -> None:
        with contextlib.closing(JobQueue(self.config.db)) as queue:
            queue.requeue_running()  # a server killed mid-job: they run again, once
        self.thread.start()

    def stop(self) -> None:
        """Stop claiming, let running jobs finish (up to the drain timeout), put back the
        rest."""
        self.stopping.set()
        self.thread.join(self.config.drain_timeout_s + 5)
        self.pool.shutdown(wait=False, cancel_futures=True)
        with contextlib.closing(JobQueue(self.config.db)) as queue:
            queue.requeue_running()

    def _loop(self) -> None:
        queue = JobQueue(self.config.db)
        running: dict[Future, str] = {}
        drain_deadline = None
        while True:
            if self.stopping.is_set():
                drain_deadline = drain_deadline or time.monotonic() + self.config.drain_timeout_s
                if not running or time.monotonic() > drain_deadline:
                    break
            try:
                self._step(queue, running)
            except Exception as error:  # never a dead scheduler: said, then go on
                print(f"codeeff serve: scheduler: {error!r}", file=sys.stderr, flush=True)
                time.sleep(0.5)
        queue.close()

    def _step(self, queue: JobQueue, running: dict[Future, str]) -> None:
        """Fill the free workers, then store what finished."""
        while not self.stopping.is_set() and len(running) < self.slots:
            job = queue.claim(self.config.max_running_per_key)
            if job is None:
                break
            try:
                running[self.pool.submit(measure_job, self._measure_job(job))] = job.job_id
            except (ProblemFormatError, KeyError, ValueError) as error:
                queue.finish(job.job_id, {"verdict": "SANDBOX_ERROR", "passed": False,
                                          "error": f"cannot measure: {error}"})  # fmt: skip
            except BrokenProcessPool:
                queue.release(job.job_id)
                self._replace_pool(queue, running)
                return
        if not running:
            time.sleep(0.05)
            return
        finished, _ = wait(running, timeout=0.2, return_when=FIRST_COMPLETED)
        for future in finished:
            job_id = running.pop(future)
            job = queue.get(job_id)
            if isinstance(future.exception(), BrokenProcessPool):
                if job.attempts < MAX_ATTEMPTS:
                    queue.release(job_id)
                else:
                    queue.finish(job_id, {"verdict": "SANDBOX_ERROR", "passed": False,
                                          "error": "its worker died in every attempt"})  # fmt: skip
                self._replace_pool(queue, running)
                return
            try:
                result = score_job(job.task_id, future.result().measurement)
            except Exception as error:  # the harness failed, not the sample
                result = {"verdict": "SANDBOX_ERROR", "passed": False,
                          "error": f"measurement failed: {error!r}"}  # fmt: skip
            queue.finish(job_id, result)

    def _replace_pool(self, queue: JobQueue, running: dict[Future, str]) -> None:
        """A worker died: a new pool, and the jobs the old one held back in the queue."""
        for job_id in running.values():
            queue.release(job_id)
        running.clear()
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new_pool()

    def _measure_job(self, job) -> MeasureJob:
        from codeeff.evaluate import EvaluateConfig

        problem = load_task(job.task_id, self.root)
        config = EvaluateConfig(suite=problem.suite).for_problem(problem)
        # Fresh inputs for every job: no sample can carry answers to known ones.
        return MeasureJob(f"job:{job.job_id}", job.task_id, "sample", job.source, config,
                          secrets.token_hex(8))  # fmt: skip


def create_app(config: ServeConfig):
    """The FastAPI application (the scheduler starts and stops with it)."""
    from fastapi import Depends, FastAPI, HTTPException, Query, Request
    from fastapi.responses import JSONResponse, PlainTextResponse, StreamingResponse
    from pydantic import BaseModel, ConfigDict, Field

    from codeeff.problems import default_root

    root = config.root or default_root()
    keys_cache: dict[str, Any] = {"mtime": None, "keys": []}
    submissions: dict[str, collections.deque] = collections.defaultdict(collections.deque)
    scheduler = Scheduler(config, root)

    @contextlib.asynccontextmanager
    async def lifespan(_app):
        scheduler.start()
        try:
            yield
        finally:
            await asyncio.to_thread(scheduler.stop)

    app = FastAPI(title="codeeff sandbox API", version="1", lifespan=lifespan)

    class Message(BaseModel):
        detail: str

    def errors(*statuses: int) -> dict:
        """The documented refusals of an endpoint (every one needs a key: 401)."""
        return {status: {"model": Message} for status in (401, *statuses)}

    class Submission(BaseModel):
        model_config = ConfigDict(extra="forbid")
        task_id: str = Field(pattern=TASK_ID.pattern, max_length=200,
                             description="<suite>/<task>, as `GET /v1/problems` lists")  # fmt: skip
        source: str = Field(min_length=1, description="the solution's whole source")

    @app.middleware("http")
    async def limit_body(request: Request, call_next):
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > config.max_body_bytes):
            config.rejected["413"] += 1
            return JSONResponse({"detail": f"body over {config.max_body_bytes} bytes"}, 413)
        return await call_next(request)

    @app.middleware("http")
    async def allow_every_method(request: Request, call_next):
        """A 405 lists every method of the path (Starlette lists one route's only)."""
        response = await call_next(request)
        if response.status_code == 405:
            path = request.url.path
            routes = [r for r in app.routes if getattr(r, "path_regex", None)]
            matching = [r for r in routes if r.path_regex.match(path)]
            methods = {method for route in matching for method in getattr(route, "methods", ())}
            response.headers["Allow"] = ", ".join(sorted(methods))
        return response

    def current_keys() -> list[api_keys.ApiKey]:
        """The keys file, read again when it changes (a revocation takes effect at once)."""
        try:
            mtime = config.keys.stat().st_mtime_ns
        except FileNotFoundError:
            mtime = None
        if mtime != keys_cache["mtime"]:
            keys_cache.update(mtime=mtime, keys=api_keys.load_keys(config.keys))
        return keys_cache["keys"]

    def caller(request: Request) -> api_keys.ApiKey:
        header = request.headers.get("authorization", "")
        token = header.removeprefix("Bearer ").strip() or request.headers.get("x-api-key")
        key = api_keys.authenticate(current_keys(), token)
        if key is None:
            config.rejected["401"] += 1
            raise HTTPException(401, "a valid API key is required (Authorization: Bearer ...)",
                                headers={"WWW-Authenticate": "Bearer"})  # fmt: skip
        return key

    Key = Annotated[api_keys.ApiKey, Depends(caller)]

    def reject(status: int, detail: str, retry_after: float | None = None):
        config.rejected[str(status)] += 1
        headers = {"Retry-After": str(max(1, round(retry_after)))} if retry_after else None
        raise HTTPException(status, detail, headers=headers)

    @app.get("/healthz")
    def healthz() -> dict:
        return {"ok": True}

    @app.get("/v1/problems", responses=errors(404))
    def problems(key: Key, suite: str | None = None) -> list[dict]:
        suites = [suite] if suite else list_suites(root)
        if suite and suite not in list_suites(root):
            raise HTTPException(404, f"no suite {suite!r}")
        return [{"task_id": p.task_id, "title": p.title, "kind": p.kind,
                 "entry_point": p.entry_point, "tags": p.tags}
                for name in suites for p in load_suite(name, root)]  # fmt: skip

    @app.get("/v1/problems/{suite}/{task}", responses=errors(404))
    def problem(suite: str, task: str, key: Key) -> dict:
        task_id = f"{suite}/{task}"
        if not TASK_ID.match(task_id):
            raise HTTPException(404, f"no problem {task_id!r}")
        try:
            found = load_task(task_id, root)
        except (KeyError, FileNotFoundError, ProblemFormatError):
            raise HTTPException(404, f"no problem {task_id!r}") from None
        return {"task_id": found.task_id, "title": found.title, "kind": found.kind,
                "entry_point": found.entry_point, "prompt": found.prompt,
                "limits": {"memory_mb": found.limits.memory_mb, "alpha": found.limits.alpha},
                "levels": [{"name": lv.name, "weight": lv.weight, "cases": lv.cases}
                           for lv in found.levels]}  # fmt: skip

    class Batch(BaseModel):
        model_config = ConfigDict(extra="forbid")
        samples: list[Submission] = Field(
            min_length=1, max_length=MAX_BATCH, description="solutions, a job each"
        )

    def accept(key, batch: list[Submission]) -> list[dict]:
        """Queue the submissions as jobs, all or none: every one is checked (size,
        problem, the key's limits) before any is written."""
        for submission in batch:
            if len(submission.source.encode("utf-8")) > config.max_solution_bytes:
                reject(413, f"solution over {config.max_solution_bytes} bytes")
            try:
                load_task(submission.task_id, root)
            except (KeyError, FileNotFoundError, ProblemFormatError):
                reject(404, f"no problem {submission.task_id!r} (see GET /v1/problems)")
        now, recent = time.monotonic(), submissions[key.key_id]
        while recent and recent[0] < now - 60:
            recent.popleft()
        if len(recent) + len(batch) > config.submissions_per_minute:
            wait_s = recent[0] + 60 - now if recent else 60
            reject(429, "too many submissions this minute", wait_s)
        with contextlib.closing(JobQueue(config.db)) as queue:
            mine, everyone = queue.counts(key.key_id), queue.counts()
            if mine["queued"] + mine["running"] + len(batch) > config.max_queued_per_key:
                reject(429, "too many unfinished jobs for this key", 5)
            if everyone["queued"] + len(batch) > config.queue_limit:
                reject(429, "the queue is full", 10)
            jobs = queue.add_many(key.key_id, [(s.task_id, s.source) for s in batch])
        recent.extend([now] * len(batch))
        return [{"job_id": job.job_id, "status": job.status} for job in jobs]

    @app.post("/v1/jobs", status_code=202, responses=errors(400, 404, 413, 429))
    def submit(submission: Submission, key: Key) -> dict:
        return accept(key, [submission])[0]

    @app.post("/v1/batches", status_code=202, responses=errors(400, 404, 413, 429))
    def submit_batch(batch: Batch, key: Key) -> dict:
        """Several solutions at once (samples of one model, say): a job each, accepted
        all together or refused all together."""
        return {"jobs": accept(key, batch.samples)}

    def own_job(job_id: str, key) -> Any:
        with contextlib.closing(JobQueue(config.db)) as queue:
            job = queue.get(job_id) if re.fullmatch(r"[0-9a-f]{16}", job_id) else None
        if job is None or job.key_id != key.key_id:  # another key's job is not found either
            raise HTTPException(404, f"no job {job_id!r}")
        return job

    def view(job, key) -> dict:
        """A job as its key may see it: a failed edge case's input and answers only where
        the key allows them (`codeeff keys create --show-failed-cases`)."""
        result = job.result
        if result and "counterexample" in result and not key.show_failed_cases:
            result = {name: value for name, value in result.items() if name != "counterexample"}
        return {"job_id": job.job_id, "task_id": job.task_id, "status": job.status,
                "created_at": job.created_at, "started_at": job.started_at,
                "finished_at": job.finished_at, "result": result}  # fmt: skip

    @app.get("/v1/jobs/{job_id}", responses=errors(404))
    async def get_job(job_id: str, key: Key, wait: Annotated[float, Query(ge=0, le=60)] = 0):
        deadline = time.monotonic() + wait
        job = own_job(job_id, key)
        while job.status in ("queued", "running") and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
            job = own_job(job_id, key)
        return view(job, key)

    @app.get(
        "/v1/jobs/{job_id}/events", responses=errors(404),
        response_class=StreamingResponse,
        description="Server-sent events: one `status` event per change of the job's state "
        "(queued, running, done, cancelled), the last with the result; the stream ends "
        "when the job has finished, or after `timeout` seconds.",
    )  # fmt: skip
    async def job_events(
        job_id: str, key: Key, timeout: Annotated[float, Query(ge=1, le=600)] = 300
    ):
        own_job(job_id, key)  # 404 before the stream starts

        async def stream():
            deadline, last = time.monotonic() + timeout, None
            while time.monotonic() < deadline:
                job = own_job(job_id, key)
                if job.status != last:
                    last = job.status
                    yield f"event: status\ndata: {json.dumps(view(job, key))}\n\n"
                if job.status in ("done", "cancelled"):
                    return
                await asyncio.sleep(0.1)

        return StreamingResponse(stream(), media_type="text/event-stream")

    @app.delete("/v1/jobs/{job_id}", responses=errors(404))
    def cancel_job(job_id: str, key: Key) -> dict:
        own_job(job_id, key)
        with contextlib.closing(JobQueue(config.db)) as queue:
            return {"job_id": job_id, "cancelled": queue.cancel(job_id)}

    @app.get("/v1/jobs", responses=errors())
    def list_jobs(key: Key, limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> list[dict]:
        with contextlib.closing(JobQueue(config.db)) as queue:
            return [view(job, key) for job in queue.of_key(key.key_id, limit)]

    @app.get("/metrics", response_class=PlainTextResponse, responses=errors())
    def prometheus(key: Key) -> str:
        with contextlib.closing(JobQueue(config.db)) as queue:
            counts, verdicts = queue.counts(), queue.verdict_counts()
        lines = ["# TYPE codeeff_jobs gauge"]
        lines += [f'codeeff_jobs{{state="{state}"}} {n}' for state, n in counts.items()]
        lines += ["# TYPE codeeff_rejected_total counter"]
        lines += [f'codeeff_rejected_total{{status="{s}"}} {n}'
                  for s, n in sorted(config.rejected.items())]  # fmt: skip
        lines += ["# TYPE codeeff_verdicts_total counter"]
        lines += [f'codeeff_verdicts_total{{verdict="{v}"}} {n}' for v, n in verdicts.items()]
        return "\n".join(lines) + "\n"

    return app


def serve(config: ServeConfig, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the API until SIGINT/SIGTERM (uvicorn), which drains the running jobs."""
    import uvicorn

    if host in LOOPBACK:
        print(f"codeeff serve: http://{host}:{port} (loopback only; --host to expose it)")
    else:
        print(f"codeeff serve: WARNING: listening on {host}:{port}, reachable from the network")
    uvicorn.run(create_app(config), host=host, port=port, log_level="warning")
