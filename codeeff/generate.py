"""`codeeff generate`: ask an OpenAI-compatible model for solutions, resumably.

Every reply is appended, raw, to a cache file beside the output as soon as it arrives,
keyed by (model, messages, sampling parameters, sample index); a re-run asks only for
the keys not in the cache. The samples file is rewritten from the cache at the end, so
an interrupted run loses at most the requests that were in flight.
"""

from __future__ import annotations

import hashlib
import json
import random
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from codeeff import kinds
from codeeff.extract import extract_code
from codeeff.problems import Problem

# Each kind says what is asked and what the reply holds (kinds/: ASK).
CLASS_ASK = ("Complete the following Python class.", "the whole class (and any imports it needs)")
INSTRUCTIONS = {
    "plain": "{task} Reply with {reply} in one ```python code block.",
    "efficient": (
        "{task} Make it correct and as fast and memory-efficient as possible for the "
        "stated input bounds. Reply with {reply} in one ```python code block."
    ),
}
SYSTEM_PROMPT = "You are an expert Python programmer."
RETRYABLE_STATUS = {408, 409, 425, 429, 500, 502, 503, 504}


@dataclass(frozen=True)
class GenerationConfig:
    model: str
    base_url: str | None = None
    n: int = 5
    temperature: float = 0.8
    max_tokens: int = 1024
    instruction: str = "plain"
    timeout_s: float = 120.0
    max_retries: int = 6


def build_messages(problem: Problem, instruction: str) -> list[dict[str, str]]:
    if instruction not in INSTRUCTIONS:
        raise ValueError(f"unknown instruction {instruction!r}: {', '.join(INSTRUCTIONS)}")
    task, reply = kinds.get(problem.kind).ASK
    if problem.entry_point and "." in problem.entry_point:  # LeetCode's class Solution
        task, reply = CLASS_ASK
    request = INSTRUCTIONS[instruction].format(task=task, reply=reply)
    user = f"{request}\n\n```python\n{problem.prompt.rstrip()}\n```\n"
    return [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": user}]


def request_key(config: GenerationConfig, messages: list[dict], index: int) -> str:
    described = json.dumps(
        {"model": config.model, "messages": messages, "temperature": config.temperature,
         "max_tokens": config.max_tokens, "index": index},
        sort_keys=True,
    )  # fmt: skip
    return hashlib.sha256(described.encode()).hexdigest()


def _status_of(error: Exception) -> int | None:
    status = getattr(error, "status_code", None)
    if status is None and getattr(error, "response", None) is not None:
        status = getattr(error.response, "status_code", None)
    return status


def _retryable(error: Exception) -> bool:
    import openai

    if isinstance(error, (openai.APITimeoutError, openai.APIConnectionError)):
        return True
    return _status_of(error) in RETRYABLE_STATUS


def complete(client, config: GenerationConfig, messages: list[dict], seed: int) -> str:
    """One chat completion with retries and jittered exponential backoff on 429/5xx."""
    delay_s = 1.0
    for attempt in range(config.max_retries + 1):
        try:
            response = client.chat.completions.create(
                model=config.model, messages=messages, temperature=config.temperature,
                max_tokens=config.max_tokens, seed=seed,
            )  # fmt: skip
            return response.choices[0].message.content or ""
        except Exception as error:
            if attempt == config.max_retries or not _retryable(error):
                raise
            retry_after = _retry_after_s(error)
            time.sleep(retry_after if retry_after is not None else delay_s * random.uniform(1, 1.5))
            delay_s = min(delay_s * 2, 30.0)
    raise AssertionError("unreachable")


def _retry_after_s(error: Exception) -> float | None:
    response = getattr(error, "response", None)
    value = getattr(response, "headers", {}).get("retry-after") if response is not None else None
    try:
        return min(float(value), 60.0) if value is not None else None
    except ValueError:
        return None


def cache_path_for(output: Path) -> Path:
    return output.with_name(output.name + ".raw.jsonl")


def load_cache(path: Path) -> dict[str, dict]:
    """Cached replies by key; a torn last line (killed mid-write) is ignored."""
    cache = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
                cache[entry["key"]] = entry
            except (json.JSONDecodeError, KeyError):
                continue
    return cache


@dataclass
class GenerateOutcome:
    requested: int
    cached: int
    failed: list[str]
    extraction_errors: int
    output: Path


def generate(
    problems: list[Problem],
    config: GenerationConfig,
    output: str | Path,
    api_key: str | None,
    concurrency: int = 8,
    progress: Callable[[int], Any] | None = None,
    on_plan: Callable[[int], Any] | None = None,
) -> GenerateOutcome:
    """Fill the cache with n replies per problem, then write the samples file."""
    import openai

    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    cache_path = cache_path_for(output)
    cache = load_cache(cache_path)
    client = openai.OpenAI(
        base_url=config.base_url, api_key=api_key or "not-needed", timeout=config.timeout_s,
        max_retries=0,  # our own backoff above, visible and counted
    )  # fmt: skip
    plan = []
    for problem in problems:
        messages = build_messages(problem, config.instruction)
        for index in range(config.n):
            plan.append((problem, messages, index, request_key(config, messages, index)))
    todo = [item for item in plan if item[3] not in cache]
    if on_plan is not None:
        on_plan(len(todo))
    failed: list[str] = []
    lock = threading.Lock()
    with open(cache_path, "a", encoding="utf-8") as cache_file:

        def ask(item) -> None:
            problem, messages, index, key = item
            reply = complete(client, config, messages, seed=index)
            entry = {"key": key, "task_id": problem.task_id, "index": index, "reply": reply,
                     "model": config.model, "time": time.time()}  # fmt: skip
            with lock:
                cache_file.write(json.dumps(entry) + "\n")
                cache_file.flush()
                cache[key] = entry

        with ThreadPoolExecutor(max(1, concurrency)) as pool:
            futures = {pool.submit(ask, item): item for item in todo}
            for future in as_completed(futures):
                problem, _, index, _ = futures[future]
                error = future.exception()
                if error is not None:
                    failed.append(f"{problem.task_id}#{index}: {type(error).__name__}: {error}")
                if progress is not None:
                    progress(1)
    extraction_errors = _write_samples(output, plan, cache)
    return GenerateOutcome(len(todo), len(plan) - len(todo), failed, extraction_errors, output)


def _write_samples(output: Path, plan, cache: dict[str, dict]) -> int:
    """Samples in (task, index) order; a missing reply (request failed) is left out."""
    errors = 0
    temporary = output.with_name(output.name + ".tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        for problem, _, index, key in plan:
            entry = cache.get(key)
            if entry is None:
                continue
            extraction = extract_code(entry["reply"], problem.entry_point)
            errors += bool(extraction.error)
            sample = {"task_id": problem.task_id, "solution": extraction.code, "index": index}
            if extraction.error:
                sample["extraction_error"] = extraction.error
            handle.write(json.dumps(sample) + "\n")
    temporary.replace(output)
    return errors
