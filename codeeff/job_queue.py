"""The sandbox API's jobs, persisted in the results store's SQLite file (table `jobs`).

A job is written before the API answers 202, so an accepted job survives a crash of
the server: at start, the jobs a dead server was running go back to the queue (they had
not finished: a result is written in the same transaction that marks a job done, so no
job is done twice). Each state change is one transaction; several server processes may
share the file (claims are atomic).
"""

from __future__ import annotations

import json
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from codeeff.store import open_database

SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    job_id TEXT PRIMARY KEY,
    key_id TEXT NOT NULL,         -- the API key that owns it
    task_id TEXT NOT NULL,
    source TEXT NOT NULL,
    status TEXT NOT NULL,         -- queued | running | done | cancelled
    created_at REAL NOT NULL,
    started_at REAL,
    finished_at REAL,
    attempts INTEGER NOT NULL DEFAULT 0,
    result TEXT                   -- JSON: the scored measurement, when done
);
CREATE INDEX IF NOT EXISTS jobs_by_status ON jobs(status, created_at);
CREATE INDEX IF NOT EXISTS jobs_by_key ON jobs(key_id, created_at);
"""
STATES = ("queued", "running", "done", "cancelled")


@dataclass
class Job:
    job_id: str
    key_id: str
    task_id: str
    source: str
    status: str
    created_at: float
    started_at: float | None
    finished_at: float | None
    attempts: int
    result: dict[str, Any] | None


_SELECT_JOB = (
    "SELECT job_id, key_id, task_id, source, status, created_at, started_at, finished_at, "
    "attempts, result FROM jobs"
)


def _job(row: tuple) -> Job:
    return Job(*row[:9], json.loads(row[9]) if row[9] else None)


class JobQueue:
    """The jobs table of a store file. Cheap to open; one per thread."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        # Full synchronous writes (the default): an accepted job survives a power cut.
        self.connection = open_database(self.path, SCHEMA)

    def close(self) -> None:
        self.connection.close()

    def add(self, key_id: str, task_id: str, source: str) -> Job:
        return self.add_many(key_id, [(task_id, source)])[0]

    def add_many(self, key_id: str, submissions: list[tuple[str, str]]) -> list[Job]:
        """Queue (task id, source) pairs as jobs in one transaction: all or none."""
        job_ids = [secrets.token_hex(8) for _ in submissions]
        with self.connection:
            self.connection.execute("BEGIN IMMEDIATE")
            self.connection.executemany(
                "INSERT INTO jobs (job_id, key_id, task_id, source, status, created_at) "
                "VALUES (?, ?, ?, ?, 'queued', ?)",
                [(job_id, key_id, task_id, source, time.time())
                 for job_id, (task_id, source) in zip(job_ids, submissions, strict=True)],
            )  # fmt: skip
        jobs = [self.get(job_id) for job_id in job_ids]
        assert all(job is not None for job in jobs)
        return jobs

    def claim(self, max_running_per_key: int = 1 << 30) -> Job | None:
        """The oldest queued job whose key runs fewer than `max_running_per_key` jobs, now
        running (None if there is none: one key cannot take every worker)."""
        with self.connection:
            self.connection.execute("BEGIN IMMEDIATE")
            row = self.connection.execute(
                "SELECT job_id FROM jobs WHERE status = 'queued' AND key_id NOT IN "
                "(SELECT key_id FROM jobs WHERE status = 'running' GROUP BY key_id "
                "HAVING COUNT(*) >= ?) ORDER BY created_at LIMIT 1",
                (max_running_per_key,),
            ).fetchone()
            if row is None:
                return None
            self.connection.execute(
                "UPDATE jobs SET status = 'running', started_at = ?, attempts = attempts + 1 "
                "WHERE job_id = ?",
                (time.time(), row[0]),
            )
        return self.get(row[0])

    def finish(self, job_id: str, result: dict[str, Any]) -> bool:
        """Store a running job's result and mark it done, in one transaction; False if it
        was not running (cancelled meanwhile, or already done)."""
        with self.connection:
            self.connection.execute("BEGIN IMMEDIATE")
            changed = self.connection.execute(
                "UPDATE jobs SET status = 'done', finished_at = ?, result = ? "
                "WHERE job_id = ? AND status = 'running'",
                (time.time(), json.dumps(result), job_id),
            ).rowcount
        return changed == 1

    def release(self, job_id: str) -> None:
        """Put a running job back in the queue (its worker died, not the sample)."""
        with self.connection:
            self.connection.execute("BEGIN IMMEDIATE")
            self.connection.execute(
                "UPDATE jobs SET status = 'queued', started_at = NULL "
                "WHERE job_id = ? AND status = 'running'",
                (job_id,),
            )

    def cancel(self, job_id: str) -> bool:
        """Cancel a job that has not finished; False if it had."""
        with self.connection:
            self.connection.execute("BEGIN IMMEDIATE")
            changed = self.connection.execute(
                "UPDATE jobs SET status = 'cancelled', finished_at = ? "
                "WHERE job_id = ? AND status IN ('queued', 'running')",
                (time.time(), job_id),
            ).rowcount
        return changed == 1

    def requeue_running(self) -> int:
        """Put back the jobs a stopped server was running (at start, or when it drains)."""
        with self.connection:
            self.connection.execute("BEGIN IMMEDIATE")
            return self.connection.execute(
                "UPDATE jobs SET status = 'queued', started_at = NULL WHERE status = 'running'"
            ).rowcount

    def get(self, job_id: str) -> Job | None:
        row = self.connection.execute(f"{_SELECT_JOB} WHERE job_id = ?", (job_id,)).fetchone()
        return None if row is None else _job(row)

    def of_key(self, key_id: str, limit: int = 100) -> list[Job]:
        rows = self.connection.execute(
            f"{_SELECT_JOB} WHERE key_id = ? ORDER BY created_at DESC LIMIT ?", (key_id, limit)
        )
        return [_job(row) for row in rows]

    def counts(self, key_id: str | None = None) -> dict[str, int]:
        """Jobs per state, of one key or of all."""
        where, args = ("WHERE key_id = ?", (key_id,)) if key_id else ("", ())
        rows = self.connection.execute(
            f"SELECT status, COUNT(*) FROM jobs {where} GROUP BY status", args
        ).fetchall()
        return {state: 0 for state in STATES} | dict(rows)

    def verdict_counts(self) -> dict[str, int]:
        rows = self.connection.execute(
            "SELECT json_extract(result, '$.verdict'), COUNT(*) FROM jobs "
            "WHERE status = 'done' GROUP BY 1"
        ).fetchall()
        return {str(verdict): count for verdict, count in rows}
