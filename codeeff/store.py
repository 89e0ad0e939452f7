"""SQLite results store: runs, raw measurements and verdicts; what makes a run resumable.

One run = one (samples file content, suite, measurement config, problem set, codeeff
version); its id is a hash of those, so running the same command again finds the same
run and skips what finished, while any change starts a new run instead of mixing.
WAL mode, and one transaction per finished sample: a kill -9 loses at most the samples
that were still being measured.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    run_id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    suite TEXT NOT NULL,
    created_at REAL NOT NULL,
    config TEXT NOT NULL,        -- JSON: everything that defines the run
    machine TEXT NOT NULL,       -- JSON: host, CPU, versions, sandbox guarantees
    samples_path TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS results (
    run_id TEXT NOT NULL REFERENCES runs(run_id),
    sample_key TEXT NOT NULL,    -- "line:<n>" for samples, "tier:<name>" for references
    task_id TEXT NOT NULL,
    kind TEXT NOT NULL,          -- "sample" or "tier"
    verdict TEXT NOT NULL,
    passed INTEGER NOT NULL,
    error TEXT NOT NULL,
    measurement TEXT NOT NULL,   -- JSON: SolutionMeasurement.to_dict(), raw times included
    finished_at REAL NOT NULL,
    PRIMARY KEY (run_id, sample_key, task_id)
);
"""


@dataclass
class StoredResult:
    run_id: str
    sample_key: str
    task_id: str
    kind: str
    verdict: str
    passed: bool
    error: str
    measurement: dict[str, Any]


def open_database(path: Path, schema: str) -> sqlite3.Connection:
    """A connection to an SQLite file (made, with its folder, if new) in WAL mode, with
    `schema` applied; transactions are begun explicitly (isolation_level None)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, timeout=60, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.executescript(schema)
    return connection


class Store:
    """A results database. Cheap to open; safe to open from several processes."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.connection = open_database(self.path, SCHEMA)
        # A result lost to a power cut is measured again on resume (a crash loses none).
        self.connection.execute("PRAGMA synchronous=NORMAL")

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def ensure_run(
        self, run_id: str, label: str, suite: str, config: dict, machine: dict, samples_path: str
    ) -> bool:
        """Create the run if new; returns True if it already existed (a resume)."""
        with self.connection:
            self.connection.execute("BEGIN IMMEDIATE")
            row = self.connection.execute(
                "SELECT 1 FROM runs WHERE run_id = ?", (run_id,)
            ).fetchone()
            if row is None:
                self.connection.execute(
                    "INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (run_id, label, suite, time.time(), json.dumps(config, sort_keys=True),
                     json.dumps(machine, sort_keys=True), samples_path),
                )  # fmt: skip
        return row is not None

    def update_machine(self, run_id: str, **changes: Any) -> None:
        """Merge `changes` into the run's machine record: for what is known only once the
        run has measured (the guarantees its sandboxes really had)."""
        with self.connection:
            self.connection.execute("BEGIN IMMEDIATE")
            (machine,) = self.connection.execute(
                "SELECT machine FROM runs WHERE run_id = ?", (run_id,)
            ).fetchone()
            self.connection.execute(
                "UPDATE runs SET machine = ? WHERE run_id = ?",
                (json.dumps(dict(json.loads(machine), **changes), sort_keys=True), run_id),
            )

    def finished_keys(self, run_id: str) -> set[tuple[str, str]]:
        """(sample_key, task_id) of every result already stored for the run."""
        rows = self.connection.execute(
            "SELECT sample_key, task_id FROM results WHERE run_id = ?", (run_id,)
        )
        return set(rows)

    def add_result(self, result: StoredResult) -> None:
        """Store one finished sample in its own transaction (what a resume relies on)."""
        with self.connection:
            self.connection.execute("BEGIN IMMEDIATE")
            self.connection.execute(
                "INSERT INTO results VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (result.run_id, result.sample_key, result.task_id, result.kind, result.verdict,
                 int(result.passed), result.error, json.dumps(result.measurement), time.time()),
            )  # fmt: skip

    def results(self, run_id: str) -> Iterator[StoredResult]:
        rows = self.connection.execute(
            "SELECT run_id, sample_key, task_id, kind, verdict, passed, error, measurement "
            "FROM results WHERE run_id = ? ORDER BY task_id, kind, sample_key",
            (run_id,),
        )
        for run, key, task, kind, verdict, passed, error, measurement in rows:
            yield StoredResult(run, key, task, kind, verdict, bool(passed), error,
                               json.loads(measurement))  # fmt: skip

    def runs(self) -> list[dict[str, Any]]:
        rows = self.connection.execute(
            "SELECT run_id, label, suite, created_at, config, machine, samples_path "
            "FROM runs ORDER BY created_at"
        )
        return [
            {"run_id": r[0], "label": r[1], "suite": r[2], "created_at": r[3],
             "config": json.loads(r[4]), "machine": json.loads(r[5]), "samples_path": r[6]}
            for r in rows
        ]  # fmt: skip

    def run(self, run_id: str) -> dict[str, Any]:
        for candidate in self.runs():
            if candidate["run_id"] == run_id or candidate["run_id"].startswith(run_id):
                return candidate
        raise KeyError(f"no run {run_id!r} in {self.path}")
