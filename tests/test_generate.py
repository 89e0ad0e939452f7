"""Generation: prompts, retries on 429/5xx, code extraction, resume without re-asking."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from codeeff.extract import extract_code
from codeeff.generate import GenerationConfig, build_messages, cache_path_for, generate
from codeeff.problems import load_suite, load_task
from tests.fake_openai import FakeOpenAI

GOOD = "Here you go:\n```python\ndef f(n):\n    return n\n```\nIt is fast."


@pytest.fixture(scope="module")
def problems():
    return load_suite("core")[:3]


def _config(base_url: str, n: int = 2, **kwargs) -> GenerationConfig:
    return GenerationConfig(model="fake", base_url=base_url, n=n, max_retries=4, timeout_s=10,
                            **kwargs)  # fmt: skip


# --- extraction -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "reply",
    [
        "```python\ndef f(n):\n    return n\n```",
        "```py\ndef f(n):\n    return n\n```",
        "```\ndef f(n):\n    return n\n```",
        "~~~python\ndef f(n):\n    return n\n~~~",
        "Sure!\n\n```python\nimport math\n\ndef f(n):\n    return n\n```\nDone.",
        "<think>maybe ```python\ndef g(): pass\n``` no</think>\n"
        "```python\ndef f(n):\n    return n\n```",
        "def f(n):\n    return n\n",
        "The answer is below.\n\ndef f(n):\n    return n\n\nThis runs in O(1).",
        "```python\nprint(f(3))\n```\nand the code:\n```python\ndef f(n):\n    return n\n```",
    ],
    ids=["tagged", "py-tag", "untagged", "tildes", "prose-around", "reasoning", "bare",
         "bare-with-prose", "example-block-first"],
)  # fmt: skip
def test_extraction_finds_the_entry_point(reply):
    extraction = extract_code(reply, "f")
    assert extraction.error == ""
    assert "def f(n):" in extraction.code and "def g" not in extraction.code
    namespace: dict = {}
    exec(extraction.code, namespace)
    assert namespace["f"](7) == 7


def test_last_defining_block_wins():
    reply = (
        "```python\ndef f(n):\n    return 0\n```\nBetter:\n```python\ndef f(n):\n    return n\n```"
    )
    assert "return n" in extract_code(reply, "f").code


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        ("", "no code"),
        ("I cannot help with that.", "does not parse"),
        ("```python\ndef f(n):\n    return [n,\n", "does not parse"),
        ("```python\ndef g(n):\n    return n\n```", "does not define f"),
    ],
    ids=["empty", "prose-only", "truncated", "wrong-name"],
)
def test_extraction_errors_are_reported(reply, message):
    assert message in extract_code(reply, "f").error


def test_a_program_is_the_longest_python_block_and_needs_no_entry_point():
    reply = (
        "Example:\n```python\nprint(3)\n```\nThe program:\n```python\n"
        "import sys\nn = int(sys.stdin.readline())\nprint(n * 2)\n```\n"
    )
    extraction = extract_code(reply, None)
    assert extraction.error == "" and extraction.code.startswith("import sys")


# --- prompts ----------------------------------------------------------------------------


def test_prompt_variants(problems):
    plain = build_messages(problems[0], "plain")[1]["content"]
    efficient = build_messages(problems[0], "efficient")[1]["content"]
    assert problems[0].prompt.strip() in plain and "fast" not in plain
    assert "fast and memory-efficient" in efficient
    with pytest.raises(ValueError, match="unknown instruction"):
        build_messages(problems[0], "sloppy")


def test_a_program_task_asks_for_a_program_on_standard_input():
    program = load_task("io/range_sum_queries")
    text = build_messages(program, "efficient")[1]["content"]
    assert "reads standard input" in text and "whole program" in text and "function" not in text


# --- the client -------------------------------------------------------------------------


def test_429_then_200_is_retried(problems, tmp_path):
    def script(body, count):
        return (429, "slow down") if count % 2 == 1 else (200, GOOD)

    with FakeOpenAI(script) as server:
        outcome = generate(problems[:1], _config(server.base_url, n=1), tmp_path / "s.jsonl", None)
    assert outcome.failed == [] and len(server.requests) == 2


@pytest.mark.parametrize("status", [500, 502, 503])
def test_5xx_is_retried(problems, tmp_path, status):
    with FakeOpenAI(lambda body, count: (status, "oops") if count < 3 else (200, GOOD)) as server:
        outcome = generate(problems[:1], _config(server.base_url, n=1), tmp_path / "s.jsonl", None)
    assert outcome.failed == [] and len(server.requests) == 3


def test_client_errors_are_not_retried_and_reported(problems, tmp_path):
    with FakeOpenAI(lambda body, count: (400, "bad request")) as server:
        outcome = generate(problems[:1], _config(server.base_url, n=1), tmp_path / "s.jsonl", None)
    assert len(server.requests) == 1 and len(outcome.failed) == 1


def test_truncated_and_garbled_replies_become_samples_with_extraction_errors(problems, tmp_path):
    replies = iter(["```python\ndef broken(:\n", "\x00\x01 garbage \ufffd", GOOD, GOOD, GOOD, GOOD])
    with FakeOpenAI(lambda body, count: (200, next(replies))) as server:
        outcome = generate(problems[:1], _config(server.base_url, n=2, temperature=0.0),
                           tmp_path / "s.jsonl", None, concurrency=1)  # fmt: skip
    samples = [json.loads(line) for line in (tmp_path / "s.jsonl").read_text().splitlines()]
    assert outcome.extraction_errors == 2
    assert len(samples) == 2 and all("extraction_error" in s for s in samples)


def test_interrupted_generation_asks_only_for_what_is_missing(problems, tmp_path):
    output = tmp_path / "s.jsonl"

    def failing_after_three(body, count):
        return (200, GOOD) if count <= 3 else (400, "interrupted")

    with FakeOpenAI(failing_after_three) as server:
        first = generate(problems, _config(server.base_url, n=2), output, None, concurrency=1)
    assert len(first.failed) == 3  # 6 asked, 3 answered
    with FakeOpenAI(lambda body, count: (200, GOOD)) as server:
        second = generate(problems, _config(server.base_url, n=2), output, None)
        assert len(server.requests) == 3
    assert second.cached == 3 and second.failed == []
    lines = output.read_text().splitlines()
    assert len(lines) == 6
    assert len(cache_path_for(output).read_text().splitlines()) == 6


def test_changed_parameters_are_not_served_from_the_cache(problems, tmp_path):
    output = tmp_path / "s.jsonl"
    with FakeOpenAI(lambda body, count: (200, GOOD)) as server:
        generate(problems[:1], _config(server.base_url, n=1), output, None)
        generate(problems[:1], _config(server.base_url, n=1, temperature=0.2), output, None)
        assert len(server.requests) == 2


def test_requests_carry_the_sampling_parameters(problems, tmp_path):
    with FakeOpenAI(lambda body, count: (200, GOOD)) as server:
        generate(problems[:1], _config(server.base_url, n=1, temperature=0.3, max_tokens=77),
                 tmp_path / "s.jsonl", None)  # fmt: skip
    (request,) = server.requests
    assert request["temperature"] == 0.3 and request["max_tokens"] == 77
    assert request["messages"][1]["content"].count(problems[0].entry_point) >= 1


def test_samples_file_is_readable_by_evaluate(problems, tmp_path):
    from codeeff.evaluate import read_samples

    output = tmp_path / "s.jsonl"
    with FakeOpenAI(lambda body, count: (200, GOOD)) as server:
        generate(problems, _config(server.base_url, n=1), output, None)
    parsed = read_samples(output, {p.task_id: p for p in problems})
    assert len(parsed.samples) == 3 and parsed.errors == []


def test_local_model_server_end_to_end(tmp_path):
    import importlib.util

    from codeeff.local_model import serve_local_model

    # Not a skip: the README's set-up installs the local extra, so CI must have it.
    assert importlib.util.find_spec("llama_cpp"), (
        "install the local extra: pip install -e '.[local]'"
    )

    problems = load_suite("core")[:2]
    output = tmp_path / "local.jsonl"
    with serve_local_model("smollm2") as (base_url, model):
        assert base_url.startswith("http://127.0.0.1:")
        config = GenerationConfig(model=model, base_url=base_url, n=1, max_tokens=200,
                                  temperature=0.0)  # fmt: skip
        outcome = generate(problems, config, output, None, concurrency=2)
    assert outcome.failed == []
    samples = [json.loads(line) for line in output.read_text().splitlines()]
    assert [s["task_id"] for s in samples] == [p.task_id for p in problems]
    raw = [json.loads(line) for line in cache_path_for(output).read_text().splitlines()]
    assert all(entry["reply"] for entry in raw)  # the model really answered
    assert Path(output).stat().st_size > 0


def test_evaluate_model_runs_the_triton_suite_end_to_end_on_cpu(tmp_path):
    """Prompts for Triton tasks, the embedded model, extraction, and the GPU runner's CPU
    path (Triton's interpreter: answers judged, timing not measured)."""
    import subprocess
    import sys

    db, samples = tmp_path / "t.db", tmp_path / "t.jsonl"
    run = subprocess.run(
        [sys.executable, "-m", "codeeff.cli", "evaluate-model", "--suite", "triton", "--n", "1",
         "--limit", "2", "--max-tokens", "200", "--db", str(db), "-o", str(samples), "--quiet"],
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    lines = [json.loads(line) for line in samples.read_text().splitlines()]
    assert [line["task_id"].split("/")[0] for line in lines] == ["triton", "triton"]
    report = subprocess.run([sys.executable, "-m", "codeeff.cli", "report", "--db", str(db),
                             "--format", "json"], capture_output=True, text=True)  # fmt: skip
    (result,) = json.loads(report.stdout)
    from codeeff.problems import load_suite

    assert result["kind"] == "triton"
    assert result["summary"]["tasks"] == len(load_suite("triton"))
    judged = [s for task in result["tasks"].values() for s in task["samples"]]
    assert len(judged) == 2
    assert all(s["verdict"] != "SANDBOX_ERROR" for s in judged), judged
    assert result["summary"]["speedup_eager"] is None  # not measured without a GPU
