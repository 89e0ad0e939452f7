"""Triton tasks: the expert passes, and each known trick is rejected or gains nothing.

Runs on CPU in Triton's interpreter (CI) and, unchanged, on a GPU machine, where the
timing-related assertions also apply (run there with the device tool).
"""

from __future__ import annotations

import re

import pytest

from codeeff.gpu.runner import NOT_MEASURED, GpuConfig, gpu_available, measure_triton
from codeeff.problems import load_suite, load_task
from tests.fixtures.problem_copy import copy_problem

ON_GPU = gpu_available()
FAST = GpuConfig(min_rounds=5, max_rounds=12, max_level_seconds=5)


@pytest.fixture(scope="module")
def softmax():
    return load_task("triton/row_softmax")


def _run(problem, source):
    return measure_triton(problem, source, config=FAST)


def _wrapped(problem, body: str) -> str:
    """The expert's code with `solution` renamed to `expert_solution`, plus `body`."""
    expert = problem.expert.source.replace("def solution(", "def expert_solution(")
    return expert + "\n\n" + body


def test_expert_passes_and_timing_is_reported_honestly(softmax):
    record = _run(softmax, softmax.expert.source)
    assert record["verdict"] == "OK", record["error"]
    if ON_GPU:
        assert record["timing"] == "measured" and record["levels"]
    else:
        assert record["timing"] == NOT_MEASURED and record["levels"] == []


def test_an_autotuned_kernel_is_judged_on_cpu_too(softmax):
    """Several configs: on a GPU the autotuner times them; in the CPU interpreter, which
    cannot, the first one runs. Either way the sample is judged, never an RE."""
    source = softmax.expert.source.replace(
        "@triton.jit\ndef _softmax_rows_kernel(",
        "@triton.autotune(configs=[triton.Config({}, num_warps=4), triton.Config({}, num_warps=8)],"
        " key=['n_cols'])\n@triton.jit\ndef _softmax_rows_kernel(",
    ).replace("BLOCK=block, num_warps=warps", "BLOCK=block")
    assert "triton.autotune" in source and "num_warps=warps" not in source
    record = _run(softmax, source)
    assert record["verdict"] == "OK", record["error"]


def test_a_kernel_written_for_cuda_devices_is_judged_on_cpu_too(softmax):
    """`.cuda()` and `device="cuda"`, right on a GPU, mean the CPU in the interpreter: the
    sample is judged on its answers there, not failed for asking for a GPU."""
    source = softmax.expert.source.replace(
        "    out = torch.empty_like(x)\n",
        "    x = x.cuda()\n    out = torch.empty(x.shape, dtype=x.dtype, device='cuda')\n",
    )
    assert "device='cuda'" in source
    record = _run(softmax, source)
    assert record["verdict"] == "OK", record["error"]


def test_torch_op_without_a_triton_kernel_is_rejected(softmax):
    record = _run(softmax, "import torch\ndef solution(x):\n    return torch.softmax(x, dim=-1)\n")
    assert record["verdict"] == "WA" and "aten::_softmax" in record["error"]


def test_a_token_kernel_launch_does_not_license_a_torch_op(softmax):
    """The sample an outside review found judged OK: any launch satisfied the counter."""
    source = (
        "import torch\nimport triton\n\n"
        "@triton.jit\ndef noop(p):\n    pass\n\n"
        "def solution(x):\n"
        "    noop[(1,)](x)\n"
        "    return torch.softmax(x.float(), dim=-1).to(x.dtype)\n"
    )
    record = _run(softmax, source)
    assert record["verdict"] == "WA", record["error"]
    assert "breaks the task's rule: PyTorch computed aten::_softmax" in record["error"]


# Each computes in PyTorch, or takes PyTorch out of the rule's sight, beside the expert's
# own kernel launch (so it launches, and its answer is right).
_AROUND_THE_RULE = {
    "aten::mm": "    (x.float() @ x.float().t()).sum()\n",
    "aten::_to_copy": "    x.to(torch.float64)\n",
    "aten::_softmax (the refusal caught)": (
        "    try:\n        torch.softmax(x, -1)\n    except BaseException:\n        pass\n"
    ),
    "disables the dispatch mode": (
        "    with torch.utils._python_dispatch._disable_current_modes():\n"
        "        torch.softmax(x, -1)\n"
    ),
    "excludes a dispatch key": (
        "    keys = torch._C.DispatchKeySet(torch._C.DispatchKey.Python)\n"
        "    with torch._C._ExcludeDispatchKeyGuard(keys):\n        torch.softmax(x, -1)\n"
    ),
    "below the dispatch mode": (
        "    keys = torch._C.DispatchKeySet(torch._C.DispatchKey.CPU)\n"
        "    torch.ops.aten._softmax.default.redispatch(keys, x, -1, False)\n"
    ),
    "pops the dispatch mode": "    torch._C._pop_torch_dispatch_stack(None)\n",
    "torch.compile": "    torch.compile(lambda t: t * 2)\n",
}


@pytest.mark.parametrize("what", sorted(_AROUND_THE_RULE))
def test_computing_in_pytorch_or_hiding_it_is_refused(softmax, what):
    body = "def solution(x):\n" + _AROUND_THE_RULE[what] + "    return expert_solution(x)\n"
    record = _run(softmax, _wrapped(softmax, body))
    assert record["verdict"] == "WA", record["error"]
    assert what.split(" (")[0] in record["error"], record["error"]


def test_work_done_at_import_is_refused_too(softmax):
    """A CUDA graph (or a table) made when the module loads would be replayed unseen."""
    for line, named in (("TABLE = torch.arange(8.0).exp()\n", "aten::arange"),
                        ("GRAPH = torch.cuda.CUDAGraph()\n", "CUDA graphs")):  # fmt: skip
        record = _run(softmax, _wrapped(softmax, line + "solution = expert_solution\n"))
        assert record["verdict"] == "WA" and named in record["error"], record["error"]


def test_a_dispatch_mode_of_its_own_left_on_the_stack_is_tampering(softmax):
    source = _wrapped(softmax, (
        "from torch.utils._python_dispatch import TorchDispatchMode\n"
        "class Quiet(TorchDispatchMode):\n"
        "    def __torch_dispatch__(self, func, types, args=(), kwargs=None):\n"
        "        return func(*args, **(kwargs or {}))\n"
        "Quiet().__enter__()\n"
        "solution = expert_solution\n"
    ))  # fmt: skip
    record = _run(softmax, source)
    assert record["verdict"] in ("RE", "WA") and "dispatch mode" in record["error"], record


def test_cached_output_keyed_by_shape_is_caught(softmax):
    source = _wrapped(softmax, (
        "_cache = {}\n"
        "def solution(x):\n"
        "    key = (tuple(x.shape), x.dtype, x.device.type)\n"
        "    if key not in _cache:\n"
        "        _cache[key] = expert_solution(x)\n"
        "    return _cache[key]\n"
    ))  # fmt: skip
    assert _run(softmax, source)["verdict"] == "WA"


def test_cached_output_keyed_by_pointer_is_caught(softmax):
    source = _wrapped(softmax, (
        "_cache = {}\n"
        "def solution(x):\n"
        "    key = x.data_ptr()\n"
        "    if key not in _cache:\n"
        "        _cache.clear()\n"
        "        _cache[key] = expert_solution(x)\n"
        "    return _cache[key].clone()\n"
    ))  # fmt: skip
    record = _run(softmax, source)
    # A pointer only repeats when the allocator reuses a block for a new input: the
    # answer is then stale and wrong. Either way a cache never serves a timed call.
    assert record["verdict"] in ("WA", "OK")
    if record["verdict"] == "OK":
        assert not ON_GPU or all(lv["candidate_ms"] for lv in record["levels"])


def test_mutating_inputs_is_rejected(softmax):
    source = _wrapped(softmax, (
        "def solution(x):\n"
        "    out = expert_solution(x)\n"
        "    x.zero_()\n"
        "    return out\n"
    ))  # fmt: skip
    record = _run(softmax, source)
    assert record["verdict"] == "WA" and "modified its inputs" in record["error"]


def test_tensor_subclass_with_lying_comparisons_is_rejected(softmax):
    source = _wrapped(softmax, (
        "class Liar(torch.Tensor):\n"
        "    def __eq__(self, other):\n"
        "        return True\n"
        "    def allclose(self, *args, **kwargs):\n"
        "        return True\n"
        "def solution(x):\n"
        "    return expert_solution(x).as_subclass(Liar)\n"
    ))  # fmt: skip
    record = _run(softmax, source)
    assert record["verdict"] == "WA" and "subclass" in record["error"]


@pytest.mark.parametrize(
    "patch",
    [
        "torch.cuda.synchronize = lambda *a, **k: None",
        "torch.cuda.Event.elapsed_time = lambda self, other: 0.001",
        "torch.cuda.Event.record = lambda self, stream=None: None",
        "import time; time.perf_counter = lambda: 0.0",
        "torch.Tensor.zero_ = lambda self: self  # no L2 flush",
        "torch.cuda.set_stream = lambda stream: None",
    ],
)
def test_patching_timers_or_synchronize_is_rejected(softmax, patch):
    source = _wrapped(softmax, f"{patch}\n\ndef solution(x):\n    return expert_solution(x)\n")
    record = _run(softmax, source)
    assert record["verdict"] == "RE" and "timing primitives" in record["error"]


_WORKER_STATE_PATCHES = {
    "output_wire.torch": (
        # Encode the audited outputs from a lie: a proxy torch whose Tensor is nothing.
        "import sys, types\n"
        "sys.modules['output_wire'].torch = types.SimpleNamespace(Tensor=type('T', (), {}))\n"
    ),
    "Worker.time": (
        "import sys\nsys.modules['__main__'].Worker.time = lambda self, request: {'ok': True}\n"
    ),
    "worker instance.launches": (
        "import gc\n"
        "for _o in gc.get_objects():\n"
        "    if type(_o).__name__ == 'Worker':\n"
        "        _o.launches = lambda: 1  # claim a Triton launch that never happened\n"
    ),
    "generator.generate": (
        "import sys\n"
        "_g = sys.modules['codeeff_generator']\n"
        "_real = _g.generate\n"
        "_g.generate = lambda level, case, rng, device: _real(level, 0, rng, device)\n"
    ),
    "codec.pack_frame": (
        "import sys\nsys.modules['codec'].pack_frame = lambda *a, **k: b''  # silence the answers\n"
    ),
}


@pytest.mark.parametrize("name", sorted(_WORKER_STATE_PATCHES))
def test_patching_the_worker_from_inside_is_rejected(softmax, name):
    """The worker's own state, not only torch's timers, is checked after every request."""
    source = _wrapped(
        softmax,
        _WORKER_STATE_PATCHES[name]
        + "def solution(x):\n    return torch.softmax(x.float(), -1).to(x.dtype)\n",
    )
    record = _run(softmax, source)
    assert record["verdict"] == "RE", record["error"]
    assert "timing primitives" in record["error"] and name.split(".")[-1] in record["error"]


def test_a_candidate_whose_process_dies_is_charged_re(softmax):
    source = _wrapped(softmax, "import os\ndef solution(x):\n    os._exit(3)\n")
    record = _run(softmax, source)
    assert record["verdict"] == "RE" and "the candidate worker" in record["error"]


def test_a_candidate_that_stops_answering_is_charged_tle(softmax, monkeypatch):
    from codeeff.gpu import runner

    monkeypatch.setattr(runner, "CALL_TIMEOUT_S", 5.0)
    source = _wrapped(softmax, "import time\ndef solution(x):\n    time.sleep(600)\n")
    record = _run(softmax, source)
    assert record["verdict"] == "TLE" and "did not answer in time" in record["error"]


def test_a_trusted_worker_that_dies_is_the_harnesss_failure(softmax, tmp_path):
    """The eager reference kills its (trusted) process: SANDBOX_ERROR, never the sample's
    RE, though the expert's own answers are right."""
    root = copy_problem(tmp_path, "triton", "row_softmax")
    reference = root / "problems" / "triton" / "row_softmax" / "reference.py"
    reference.write_text(
        reference.read_text() + "\n\nimport os\nreference = lambda *a: os._exit(3)\n"
    )
    broken = load_task("triton/row_softmax", root)
    record = _run(broken, broken.expert.source)
    assert record["verdict"] == "SANDBOX_ERROR" and "the reference worker" in record["error"]


def test_the_candidate_cannot_leave_its_cores(softmax):
    """Threads spinning on the trusted worker's cores would slow its launches."""
    source = _wrapped(softmax, (
        "import os\n"
        "try:\n"
        "    os.sched_setaffinity(0, set(range(os.cpu_count())))\n"
        "    _WIDENED = True\n"
        "except PermissionError:\n"
        "    _WIDENED = False\n"
        "def solution(x):\n"
        "    if _WIDENED:\n"
        "        raise RuntimeError('the candidate changed its CPU affinity')\n"
        "    return expert_solution(x)\n"
    ))  # fmt: skip
    record = _run(softmax, source)
    assert record["sandboxed"], "bwrap must work here for this test to mean anything"
    assert record["verdict"] == "OK", record["error"]


def test_the_candidate_worker_cannot_write_host_control_files(softmax):
    source = _wrapped(softmax, (
        "import os\n"
        "WRITABLE = []\n"
        "for path in ('/proc/sys/kernel/core_pattern', '/proc/sys/vm/drop_caches',\n"
        "             '/proc/sysrq-trigger', '/proc/sys/vm/swappiness'):\n"
        "    try:\n"
        "        os.close(os.open(path, os.O_WRONLY))\n"
        "        WRITABLE.append(path)\n"
        "    except OSError:\n"
        "        pass\n"
        "def solution(x):\n"
        "    if WRITABLE:\n"
        "        raise RuntimeError(f'writable: {WRITABLE}')\n"
        "    return expert_solution(x)\n"
    ))  # fmt: skip
    record = _run(softmax, source)
    assert record["sandboxed"], "bwrap must work here for this test to mean anything"
    assert record["verdict"] == "OK", record["error"]


def test_the_candidate_worker_never_runs_as_host_root():
    """When codeeff runs as root, a user namespace made by root maps the sandbox's user
    to host root, which owns /proc/sys; the worker's processes must have another uid
    (seen from the host, where the sandbox cannot lie about it)."""
    from codeeff.gpu.runner import WorkerProcess

    worker = WorkerProcess("candidate", interpret=True, sandboxed=True)
    try:
        assert worker.sandboxed
        with open(f"/proc/{worker.process.pid}/status") as handle:
            uids = next(line for line in handle if line.startswith("Uid:")).split()[1:]
        assert "0" not in uids, uids
    finally:
        worker.close()


def test_lowering_precision_beyond_tolerance_is_rejected(softmax):
    source = _wrapped(softmax, (
        "def solution(x):\n"
        "    low = torch.float16 if x.dtype == torch.float32 else torch.float8_e4m3fn\n"
        "    return expert_solution(x.to(low).to(x.dtype))\n"
    ))  # fmt: skip
    assert _run(softmax, source)["verdict"] == "WA"


def test_skipping_work_only_in_timed_calls_is_caught_by_the_audits(softmax):
    """A solution that looks at its caller skips the last rows' work when the worker's
    timing code calls it, and does it all for the correctness checks. The audits of
    timed outputs, sampled or whole, see the missing rows. In the interpreter nothing
    is timed, so nothing is skipped."""
    source = _wrapped(softmax, (
        "import sys\n"
        "def solution(x):\n"
        "    out = expert_solution(x)\n"
        "    if sys._getframe(1).f_code.co_name in ('time', 'prepare'):\n"
        "        out[-max(1, x.shape[0] // 64):] = 0\n"
        "    return out\n"
    ))  # fmt: skip
    record = _run(softmax, source)
    if ON_GPU:
        assert record["verdict"] == "WA" and "timed call" in record["error"], record["error"]
        assert re.search(r"case \d+, input seed \d+", record["error"]), record["error"]
    else:
        assert record["verdict"] == "OK", record["error"]


def test_computing_in_pytorch_only_in_timed_calls_is_caught_by_the_kernel_list(softmax):
    """The review's token-launch sample, made to follow the rule whenever it is watched:
    in the worker's timed calls (told apart by its caller's frame) it returns PyTorch's
    softmax. The kernels of every timed burst are listed: PyTorch's softmax kernel is
    one that no watched call ran. In the interpreter nothing is timed."""
    source = _wrapped(softmax, (
        "import sys\n"
        "@triton.jit\n"
        "def noop(p):\n"
        "    pass\n"
        "def solution(x):\n"
        "    if sys._getframe(1).f_code.co_name == 'time':\n"
        "        noop[(1,)](x)\n"
        "        return torch.softmax(x.float(), dim=-1).to(x.dtype)\n"
        "    return expert_solution(x)\n"
    ))  # fmt: skip
    record = _run(softmax, source)
    if ON_GPU:
        assert record["verdict"] == "WA", record["error"]
        assert "none of its watched calls ran" in record["error"], record["error"]
        assert "oftMax" in record["error"], record["error"]  # PyTorch's softmax kernel
    else:
        assert record["verdict"] == "OK", record["error"]


@pytest.mark.parametrize("switch", ["_disable_profiler", "_toggle_collection_dynamic"])
def test_switching_the_kernel_list_off_is_refused(softmax, switch):
    """The profiler that lists the timed kernels may not be stopped or paused."""
    source = _wrapped(softmax, (
        "import torch.autograd.profiler as prof\n"
        "def solution(x):\n"
        "    try:\n"
        f"        prof.{switch}()\n"
        "    except Exception:\n"
        "        pass\n"
        "    return expert_solution(x)\n"
    ))  # fmt: skip
    record = _run(softmax, source)
    assert record["verdict"] == "WA" and switch in record["error"], record["error"]


def _side_stream(problem, waits_for_caller: bool, joined: bool) -> str:
    """The expert run on a side stream, ordered after the caller's and joined back or not."""
    return _wrapped(problem, "".join((
        "_side = torch.cuda.Stream() if torch.cuda.is_available() else None\n",
        "def solution(x):\n",
        "    if _side is None:\n",
        "        return expert_solution(x)\n",
        "    _side.wait_stream(torch.cuda.current_stream())\n" if waits_for_caller else "",
        "    with torch.cuda.stream(_side):\n",
        "        out = expert_solution(x)\n",
        "    torch.cuda.current_stream().wait_stream(_side)\n" if joined else "",
        "    return out\n",
    )))  # fmt: skip


def test_side_stream_work_left_running_gains_nothing(softmax):
    """Ordered after the caller's stream but never joined back: the end event on the
    caller's stream comes at once; the device-wide synchronize sees the work."""
    record = _run(softmax, _side_stream(softmax, waits_for_caller=True, joined=False))
    assert record["verdict"] == "OK", record["error"]
    if ON_GPU:
        from codeeff.gpu.scoring import score_triton

        assert score_triton("line:1", record)["speedup_expert"] < 1.05
        assert all(level["tail_charge_ms"] > 0 for level in record["levels"])


def test_unordered_side_stream_is_rejected(softmax):
    """A stream that does not wait for the caller's would run during the L2 flush."""
    record = _run(softmax, _side_stream(softmax, waits_for_caller=False, joined=True))
    if ON_GPU:
        assert record["verdict"] == "WA" and "caller's stream" in record["error"]
    else:  # no streams in the interpreter: the same answer, accepted
        assert record["verdict"] == "OK", record["error"]


def test_joined_side_stream_is_accepted(softmax):
    """Side streams used the PyTorch way (wait for the caller, joined back) are fine,
    and gain nothing. The cross-stream waits cost time of their own on the short
    levels: on an H200 this sample ran at 0.73-0.89 of the expert, with the timed
    kernel list and without it alike (bench/results/gpu_rule_h200.md)."""
    record = _run(softmax, _side_stream(softmax, waits_for_caller=True, joined=True))
    assert record["verdict"] == "OK", record["error"]
    if ON_GPU:
        from codeeff.gpu.scoring import score_triton

        assert 0.5 < score_triton("line:1", record)["speedup_expert"] < 1.1


def test_evaluate_runs_the_triton_suite_and_reports_untimed_figures_honestly(tmp_path):
    import json

    from codeeff.evaluate import EvaluateConfig, evaluate
    from codeeff.report import summarize_stored_run
    from codeeff.store import Store

    problem = load_task("triton/row_softmax")
    samples = tmp_path / "s.jsonl"
    samples.write_text(
        json.dumps({"task_id": problem.task_id, "solution": problem.expert.source}) + "\n"
        + json.dumps({"task_id": problem.task_id,
                      "solution": "import torch\ndef solution(x):\n    return x.softmax(-1)\n"})
        + "\n"
    )  # fmt: skip
    db = tmp_path / "r.db"
    outcome = evaluate(samples, EvaluateConfig(suite="triton"), db)
    with Store(db) as store:
        result = summarize_stored_run(store, outcome.run_id)
    task = result["tasks"][problem.task_id]
    assert [s["verdict"] for s in task["samples"]] == ["OK", "WA"]
    assert task["pass@1"] == 0.5
    summary = result["summary"]
    assert summary["tasks"] == len(load_suite("triton"))
    assert summary["pass@1"] == 0.5 / summary["tasks"]
    if not ON_GPU:  # no invented timings
        assert summary["fast_0"] is None and summary["speedup_eager"] is None
