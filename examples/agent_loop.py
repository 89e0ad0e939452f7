"""An agent that optimises a solution against the sandbox API (`codeeff serve`).

Each round it asks a model for a solution, submits it, and puts the verdict and the
timing feedback (speedup per level against the expert, how its time grows with input
size next to the expert's, the level that costs it most, a failed edge case where the
key may see it) into the next prompt. It stops when the score has not improved for
--patience rounds, or after --rounds, and prints the score of every round.

    python examples/agent_loop.py                      # embedded model, its own server
    python examples/agent_loop.py --server http://127.0.0.1:8000 --token ce_...
    python examples/agent_loop.py --model gpt-4o-mini --base-url https://... --api-key-env KEY

Without --server it starts `codeeff serve` on a free loopback port, with a key of its
own, in a temporary folder. The default model is the embedded local one (needs the
`local` extra); any OpenAI-compatible endpoint works with --model and --base-url.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from codeeff import api_keys
from codeeff.client import ApiError, Client
from codeeff.extract import extract_code
from codeeff.local_model import DEFAULT_LOCAL_MODEL, is_local, serve_local_model

SYSTEM = "You are an expert Python programmer who writes fast, correct code."
ASK = (
    "Complete the following Python function. Make it correct and as fast as possible for "
    "the stated input bounds. Reply with the whole function (and any imports it needs) "
    "in one ```python code block.\n\n```python\n{prompt}\n```\n"
)


def describe(result: dict) -> str:
    """The verdict and timing feedback of one job, as the next prompt tells it."""
    lines = [f"Verdict: {result['verdict']}; score {result.get('score', 0):.3f} "
             f"(1.0 = as fast as the expert)."]  # fmt: skip
    if result.get("error"):
        lines.append(f"Error: {result['error']}")
    failed = result.get("counterexample")
    if failed:
        lines.append(f"Failed on input ({failed['input']}): expected {failed['expected']}"
                     + (f", got {failed['actual']}" if "actual" in failed else ""))  # fmt: skip
    for level in result.get("levels", []):
        if level.get("t_s") and level.get("t_ref_s"):
            lines.append(f"Level {level['name']}: {level['t_s'] / level['t_ref_s']:.2f}x "
                         "the expert's time.")  # fmt: skip
    feedback = result.get("feedback", {})
    growth = feedback.get("growth", {})
    if "exponent" in growth:
        low, high = growth["relative_ci95"]
        lines.append(
            f"Your time grows as size^{growth['exponent']:.2f}, the expert's as "
            f"size^{growth['expert_exponent']:.2f}: yours grows faster by a factor of "
            f"size^{growth['relative_exponent']:.2f} (95% CI {low:.2f}..{high:.2f})."
        )
    costliest = feedback.get("costliest_level")
    if costliest:
        lines.append(f"The level that costs you most: {costliest['name']}.")
    return "\n".join(lines)


def messages_for(prompt: str, history: list[tuple[str, dict]]) -> list[dict]:
    """The first ask, then the best solution so far with its feedback."""
    messages = [{"role": "system", "content": SYSTEM},
                {"role": "user", "content": ASK.format(prompt=prompt.rstrip())}]  # fmt: skip
    if history:
        source, result = max(history, key=lambda entry: entry[1].get("score", 0.0))
        messages += [
            {"role": "assistant", "content": f"```python\n{source}\n```"},
            {"role": "user", "content": describe(result) + "\n\nWrite a correct solution "
             "that is faster than this one. Reply with one ```python code block."},
        ]  # fmt: skip
    return messages


@contextlib.contextmanager
def own_server(folder: Path) -> Iterator[tuple[str, str]]:
    """`codeeff serve` on a free loopback port with a new key; yields (url, token)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    keys = folder / "keys.json"
    _, token = api_keys.create_key(keys, "agent_loop", show_failed_cases=True)
    process = subprocess.Popen(
        [sys.executable, "-m", "codeeff.cli", "serve", "--port", str(port), "--db",
         str(folder / "api.db"), "--keys", str(keys), "--workers", "1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                Client(url, token, timeout_s=2).problems("core")
                break
            except (OSError, ApiError):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("codeeff serve did not start") from None
                time.sleep(0.3)
        yield url, token
    finally:
        process.terminate()
        process.wait(timeout=60)


@contextlib.contextmanager
def model_endpoint(args: argparse.Namespace) -> Iterator[tuple[str | None, str]]:
    """(base URL, model name): the embedded model's own server, or the one given."""
    if is_local(args.model):
        with serve_local_model(args.model.removeprefix("local:")) as endpoint:
            yield endpoint
    else:
        yield args.base_url, args.model


def run(args: argparse.Namespace, url: str, token: str) -> float:
    """The rounds; returns the best score."""
    import openai

    api = Client(url, token)
    problem = api.problem(args.task)
    history: list[tuple[str, dict]] = []
    best, stale = 0.0, 0
    with model_endpoint(args) as (base_url, model):
        chat = openai.OpenAI(base_url=base_url, timeout=300,
                             api_key=os.environ.get(args.api_key_env, "none"))  # fmt: skip
        for round_number in range(1, args.rounds + 1):
            reply = chat.chat.completions.create(
                model=model, messages=messages_for(problem["prompt"], history),
                temperature=args.temperature, max_tokens=args.max_tokens, seed=round_number,
            ).choices[0].message.content or ""  # fmt: skip
            source = extract_code(reply, problem["entry_point"]).code.strip() or "# no code\n"
            result = api.wait(api.submit(args.task, source))
            history.append((source, result))
            score = result.get("score", 0.0)
            print(f"round {round_number}: {result['verdict']:<4} score {score:.3f}  "
                  f"speedup {result.get('speedup', 0.0):.2f}", flush=True)  # fmt: skip
            if args.verbose:
                print("  " + describe(result).replace("\n", "\n  "), flush=True)
            if score > best:
                best, stale = score, 0
            else:
                stale += 1
                if stale >= args.patience:
                    print(f"no better score in {stale} rounds: stopping")
                    break
    print(f"best score {best:.3f}")
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--task", default="core/pair_sum_count")
    parser.add_argument("--server", help="a running `codeeff serve` (default: start one)")
    parser.add_argument("--token", help="its API key (with --server)")
    parser.add_argument("--model", default=DEFAULT_LOCAL_MODEL)
    parser.add_argument("--base-url", help="OpenAI-compatible endpoint (with --model)")
    parser.add_argument("--api-key-env", default="OPENAI_API_KEY",
                        help="environment variable holding the endpoint's key")  # fmt: skip
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--patience", type=int, default=2,
                        help="stop after this many rounds without a better score")  # fmt: skip
    parser.add_argument("--max-tokens", type=int, default=768)
    parser.add_argument("--temperature", type=float, default=0.7)
    parser.add_argument("--verbose", action="store_true", help="print each round's feedback")
    args = parser.parse_args(argv)
    if args.server:
        if not args.token:
            parser.error("--server needs --token")
        run(args, args.server, args.token)
        return 0
    with tempfile.TemporaryDirectory() as folder, own_server(Path(folder)) as (url, token):
        run(args, url, token)
    return 0


if __name__ == "__main__":
    sys.exit(main())
