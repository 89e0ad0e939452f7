"""The docker backend beyond the attack tests (which run on both backends): what the
container is given, what the image holds, and evaluate's record of the backend. Real
dockerd, real image (tests/docker_support.py: skipped with the reason where Docker is
missing, failed instead under CODEEFF_REQUIRE_DOCKER=1, as in CI)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from codeeff.evaluate import EvaluateConfig, evaluate
from codeeff.measure import MeasureConfig
from codeeff.report import summarize_stored_run
from codeeff.sandbox.base import SandboxLimits
from codeeff.sandbox.docker import CONTAINER_REFUSED_SYSCALLS, SANDBOX_UID, _client
from codeeff.sandbox.local import default_cpu
from codeeff.store import Store
from tests.docker_support import docker_backend_or_skip
from tests.fixtures.mini_suite import CRASH, EXPERT, SLOW, WRONG, write_mini_suite


@pytest.fixture(scope="module")
def docker_backend():
    return docker_backend_or_skip()


def test_the_container_gets_every_limit(docker_backend):
    limits = SandboxLimits(memory_mb=300)
    cpu = default_cpu()
    with docker_backend.open("def f():\n    return 1\n", "f", limits, cpu=cpu) as sandbox:
        host = _client().api.inspect_container(sandbox.container_id)["HostConfig"]
        config = _client().api.inspect_container(sandbox.container_id)["Config"]
    assert host["NetworkMode"] == "none" and host["ReadonlyRootfs"] is True
    assert host["CapDrop"] == ["ALL"] and not host.get("CapAdd")
    assert "no-new-privileges" in host["SecurityOpt"]
    profile = json.loads(next(o for o in host["SecurityOpt"] if o.startswith("seccomp="))[8:])
    assert set(profile["syscalls"][0]["names"]) == set(CONTAINER_REFUSED_SYSCALLS)
    assert host["Memory"] == host["MemorySwap"] > limits.memory_mb << 20
    assert host["PidsLimit"] == limits.threads + 3
    assert host["CpusetCpus"] == str(cpu) and "/tmp" in host["Tmpfs"]
    assert config["User"] == f"{SANDBOX_UID}:{SANDBOX_UID}"
    # Nothing of the host's environment: only the image's own (bwrap then clears it).
    image_env = _client().api.inspect_image(docker_backend.image)["Config"]["Env"]
    assert set(config["Env"]) == set(image_env)


def test_the_image_holds_no_shell_package_manager_or_project(docker_backend):
    probe = (
        "import os, sys, numpy\n"
        "found = [p for p in ('/bin/sh', '/bin/bash', '/usr/bin/apt', '/usr/bin/dpkg',\n"
        "                     '/usr/bin/perl', '/codeeff', '/codeeff-src') if os.path.exists(p)]\n"
        "print(sys.version_info[:2], numpy.__version__, found)\n"
    )
    out = _client().containers.run(
        docker_backend.image, ["/usr/bin/python3", "-c", probe], user=f"{SANDBOX_UID}",
        network_mode="none", remove=True,
    ).decode()  # fmt: skip
    assert out.startswith("(3, 11)") and out.rstrip().endswith("[]"), out


def test_evaluate_records_the_backend_and_resumes_only_with_it(tmp_path: Path):
    docker_backend_or_skip()
    root = write_mini_suite(tmp_path / "root", {"alpha": 60_000, "beta": 80_000})
    samples = tmp_path / "mixed.jsonl"
    rows = [("mini/alpha", EXPERT), ("mini/alpha", WRONG), ("mini/alpha", CRASH),
            ("mini/beta", EXPERT), ("mini/beta", SLOW)]  # fmt: skip
    samples.write_text("".join(json.dumps({"task_id": t, "solution": s}) + "\n" for t, s in rows))
    config = EvaluateConfig(suite="mini", measure=MeasureConfig(min_repeats=4, max_repeats=8),
                            measure_tiers=False)  # fmt: skip
    db = tmp_path / "r.db"
    outcome = evaluate(samples, config, db, jobs=2, root=root, backend="docker")
    with Store(db) as store:
        run = store.run(outcome.run_id)
        result = summarize_stored_run(store, outcome.run_id)
    assert run["machine"]["sandbox_backend"] == "docker"
    assert [s["verdict"] for s in result["tasks"]["mini/alpha"]["samples"]] == ["OK", "WA", "RE"]
    assert [s["verdict"] for s in result["tasks"]["mini/beta"]["samples"]] == ["OK", "TLE"]
    with pytest.raises(ValueError, match="--backend docker"):
        evaluate(samples, config, db, jobs=2, root=root, backend="local")
