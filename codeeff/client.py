"""A small client of the sandbox API (`codeeff serve`), standard library only.

client = Client("http://127.0.0.1:8000", token)
job = client.submit("core/pair_sum_count", source)
result = client.wait(job)       # the verdict, score, speedup and per-level times
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any


class ApiError(RuntimeError):
    """A refused request: its HTTP status, the server's reason and its Retry-After."""

    def __init__(self, status: int, detail: Any, retry_after: float | None = None):
        super().__init__(f"HTTP {status}: {detail}")
        self.status, self.detail, self.retry_after = status, detail, retry_after


class Client:
    def __init__(self, url: str, token: str, timeout_s: float = 90.0):
        self.url, self.token, self.timeout_s = url.rstrip("/"), token, timeout_s

    def _call(self, method: str, path: str, body: dict | None = None) -> Any:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method)
        request.add_header("Authorization", f"Bearer {self.token}")
        request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                text = response.read().decode()
        except urllib.error.HTTPError as error:
            text = error.read().decode()
            try:
                detail = json.loads(text).get("detail", text)
            except (json.JSONDecodeError, AttributeError):
                detail = text
            retry = error.headers.get("Retry-After")
            raise ApiError(error.code, detail, float(retry) if retry else None) from None
        return json.loads(text) if text.strip().startswith(("{", "[")) else text

    def problems(self, suite: str | None = None) -> list[dict]:
        query = f"?suite={urllib.parse.quote(suite)}" if suite else ""
        return self._call("GET", f"/v1/problems{query}")

    def problem(self, task_id: str) -> dict:
        return self._call("GET", f"/v1/problems/{task_id}")

    def submit(self, task_id: str, source: str, retries: int = 5) -> str:
        """Submit a solution; returns its job id. Waits out a 429 (Retry-After) up to
        `retries` times."""
        body = {"task_id": task_id, "source": source}
        return self._posted("/v1/jobs", body, retries)["job_id"]

    def submit_batch(self, samples: list[tuple[str, str]], retries: int = 5) -> list[str]:
        """Submit (task id, source) pairs as one batch, accepted or refused together;
        returns their job ids in order."""
        body = {"samples": [{"task_id": task, "source": source} for task, source in samples]}
        return [job["job_id"] for job in self._posted("/v1/batches", body, retries)["jobs"]]

    def _posted(self, path: str, body: dict, retries: int) -> Any:
        for _attempt in range(retries):
            try:
                return self._call("POST", path, body)
            except ApiError as error:
                if error.status != 429:
                    raise
                time.sleep(error.retry_after or 1.0)
        return self._call("POST", path, body)

    def job(self, job_id: str, wait_s: float = 0) -> dict:
        return self._call("GET", f"/v1/jobs/{job_id}?wait={wait_s:g}")

    def wait(self, job_id: str, timeout_s: float = 600) -> dict:
        """The finished job's result (long-polling 30 s at a time)."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            job = self.job(job_id, wait_s=min(30.0, max(0.0, deadline - time.monotonic())))
            if job["status"] == "done":
                return job["result"]
            if job["status"] == "cancelled":
                raise ApiError(409, f"job {job_id} was cancelled")
        raise TimeoutError(f"job {job_id} did not finish in {timeout_s:g} s")

    def cancel(self, job_id: str) -> bool:
        return self._call("DELETE", f"/v1/jobs/{job_id}")["cancelled"]
