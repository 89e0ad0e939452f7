"""The runner's timing arithmetic, with scripted workers (no GPU needed).

A worker's `time` answer carries, per call, the stream window (`ms`) and the gap to the
device-wide synchronize (`tail_ms`). These tests check what the runner makes of them:
tails beyond the trusted workers' are charged to the candidate, a candidate with tails
like theirs is charged nothing, and a burst of the wrong length is rejected.
"""

from __future__ import annotations

import itertools
import random

import pytest

from codeeff.gpu import runner
from codeeff.gpu.runner import GpuConfig, Rejected
from codeeff.problems import load_task
from codeeff.sandbox.base import Verdict

CONFIG = GpuConfig(min_rounds=3, max_rounds=4, audit_probability=0.0)


class ScriptedWorker:
    """Answers the runner's requests from fixed per-function windows and tails."""

    hello: dict = {}  # no device figures: every burst fits

    def __init__(self, script: dict[str, tuple[float, float]], calls: int | None = None,
                 reported: float = 1.0, clock: random.Random | None = None,
                 log: list[str] | None = None):  # fmt: skip
        """`reported`: the fraction of each window the worker admits to (1 = honest);
        `clock`: when given, every burst runs at a random power state (0.95-1.05x);
        `log`: the functions timed, in order, shared between workers."""
        self.script, self.calls, self.reported = script, calls, reported
        self.clock, self.log = clock, log
        self.seen: list[dict] = []
        self.hello = dict(self.hello)
        self.received: list[bytes] = []  # the payload of every request
        self.prepared = 0

    def request(self, header: dict, timeout_s: float = 0.0, payload: bytes = b""):
        self.seen.append(header)
        self.received.append(payload)
        if header["op"] == "prepare":
            self.prepared = len(header["seeds"])
            window, _ = self.script[header["which"]]
            warm_s = max(header["warmup_ms"], window) / 1000  # one call at least
            return {"ok": True}, b"", warm_s + 0.002
        if header["op"] == "time":
            window, tail = self.script[header["which"]]
            calls = self.calls or self.prepared
            state = self.clock.uniform(0.95, 1.05) if self.clock else 1.0
            noise = [state * (1 + 0.001 * (i % 3)) for i in range(calls)]
            if self.log is not None:
                self.log.append(header["which"])
            ms = [window * n * self.reported for n in noise]
            answer = {"ok": True, "ms": ms, "tail_ms": [tail] * calls}
            return answer, b"", ((window + tail) * calls + 0.3) / 1000
        if header["op"] == "audit":
            return {"ok": True, "output": {"kind": "scalar", "value": 1.0}}, b"", 0.001
        if header["op"] == "roofline":
            return {"ok": True, "bytes": 1 << 30, "flops": None}, b"", 0.001
        raise AssertionError(f"unexpected request {header}")


@pytest.fixture(scope="module")
def problem():
    return load_task("triton/row_softmax")


def _time(problem, candidate, reference):
    level = problem.levels[-1]
    return runner._time_level(problem, level, candidate, reference, CONFIG, random.Random(0))


def test_work_left_on_another_stream_is_charged(problem):
    trusted = ScriptedWorker({"eager": (0.30, 0.02), "expert": (0.20, 0.02)})
    cheat = ScriptedWorker({"solution": (0.01, 0.21)})  # window empty, work in the tail
    level = _time(problem, cheat, trusted)
    assert level["tail_charge_ms"] == pytest.approx(0.19)
    assert min(level["candidate_ms"]) == pytest.approx(0.20)
    assert level["trusted_tail_ms"] == pytest.approx(0.02)


def test_a_candidate_with_ordinary_tails_is_charged_nothing(problem):
    trusted = ScriptedWorker({"eager": (0.30, 0.02), "expert": (0.20, 0.02)})
    honest = ScriptedWorker({"solution": (0.15, 0.015)})
    level = _time(problem, honest, trusted)
    assert level["tail_charge_ms"] == 0.0
    assert min(level["candidate_ms"]) == pytest.approx(0.15)
    # wall per call beyond the windows: about the tail plus the 0.3 ms a burst's pipe adds
    assert level["candidate_overhead_ms"] == pytest.approx(0.015 + 0.3 / CONFIG.burst, rel=0.01)
    assert level["trusted_overhead_ms"] == pytest.approx(0.02 + 0.3 / CONFIG.burst, rel=0.01)


def test_timing_requests_carry_a_separate_warmup_seed(problem):
    """The warm-up input is never one of the timed inputs (a cache could hit on it)."""
    trusted = ScriptedWorker({"eager": (0.30, 0.02), "expert": (0.20, 0.02)})
    candidate = ScriptedWorker({"solution": (0.15, 0.02)})
    _time(problem, candidate, trusted)
    timed = [h for h in candidate.seen if h["op"] == "prepare"]
    seeds = {seed for h in timed for seed in h["seeds"]}
    assert timed and all(h["warmup_seed"] not in seeds for h in timed)
    assert len(seeds) == sum(len(h["seeds"]) for h in timed)  # a fresh input every call


def test_a_short_burst_is_rejected(problem):
    trusted = ScriptedWorker({"eager": (0.30, 0.02), "expert": (0.20, 0.02)})
    short = ScriptedWorker({"solution": (0.15, 0.02)}, calls=CONFIG.burst - 1)
    with pytest.raises(Rejected, match="did not answer") as caught:
        _time(problem, short, trusted)
    assert caught.value.verdict == Verdict.RE


def test_impossible_times_are_rejected(problem):
    trusted = ScriptedWorker({"eager": (0.30, 0.012), "expert": (0.20, 0.012)})
    negative = ScriptedWorker({"solution": (-0.15, 0.012)})
    with pytest.raises(Rejected, match="impossible") as caught:
        _time(problem, negative, trusted)
    assert caught.value.verdict == Verdict.RE


def test_impossible_times_from_the_trusted_worker_are_the_harnesss_failure(problem):
    trusted = ScriptedWorker({"eager": (-0.30, 0.012), "expert": (0.20, 0.012)})
    candidate = ScriptedWorker({"solution": (0.15, 0.012)})
    with pytest.raises(Rejected, match="impossible") as caught:
        _time(problem, candidate, trusted)
    assert caught.value.verdict == Verdict.SANDBOX_ERROR


def test_tail_noise_within_the_slack_is_not_charged(problem):
    """Two processes' median tails differ by a few microseconds with the same code."""
    trusted = ScriptedWorker({"eager": (0.30, 0.012), "expert": (0.20, 0.012)})
    honest = ScriptedWorker({"solution": (0.15, 0.012 + CONFIG.tail_slack_ms / 2)})
    assert _time(problem, honest, trusted)["tail_charge_ms"] == 0.0


def test_level_time_is_per_case_so_a_bimodal_reference_is_stable():
    """Eager softmax ran 0.31 ms on one case's data and 0.21 on the other's: the level's
    time must not depend on how many calls each case happened to get."""
    from codeeff.gpu.scoring import level_time, within_case_cv

    even = [0.31] * 8 + [0.21] * 8
    lopsided = [0.31] * 24 + [0.21] * 8
    cases_even, cases_lopsided = [0] * 8 + [1] * 8, [0] * 24 + [1] * 8
    expected = (0.31 * 0.21) ** 0.5
    assert level_time(even, cases_even) == pytest.approx(expected)
    assert level_time(lopsided, cases_lopsided) == pytest.approx(expected)
    assert within_case_cv(lopsided, cases_lopsided) == 0.0
    assert level_time([1.0, 2.0, 3.0], None) == 2.0  # records without cases: one median
    assert level_time([0.0, 0.0], None) > 0  # an empty window is not infinitely fast


def test_a_slow_honest_candidate_is_not_taken_for_a_liar(problem):
    """A 50 ms call overshoots the 20 ms warm-up by 30 ms: the warm-up is a request of
    its own, so none of that lands in the wall-clock check of the timed calls."""
    trusted = ScriptedWorker({"eager": (0.30, 0.012), "expert": (0.20, 0.012)})
    slow = ScriptedWorker({"solution": (50.0, 0.012)})
    level = _time(problem, slow, trusted)
    assert min(level["candidate_ms"]) == pytest.approx(50.0)


def test_under_reported_kernel_times_are_rejected(problem):
    """Event times a worker shrank after the fact disagree with the harness's clock."""
    trusted = ScriptedWorker({"eager": (0.30, 0.012), "expert": (0.20, 0.012)})
    liar = ScriptedWorker({"solution": (5.0, 0.012)}, reported=0.1)
    with pytest.raises(Rejected, match="wall clock"):
        _time(problem, liar, trusted)


def test_steady_bursts_stop_early_with_their_precision_recorded(problem):
    trusted = ScriptedWorker({"eager": (0.30, 0.012), "expert": (0.20, 0.012)})
    candidate = ScriptedWorker({"solution": (0.15, 0.012)})
    config = GpuConfig(min_rounds=3, max_rounds=40, audit_probability=0.0)
    level = runner._time_level(problem, problem.levels[-1], candidate, trusted, config,
                               random.Random(0))  # fmt: skip
    assert 3 <= level["rounds"] <= 6
    assert all(p is not None and p <= config.relative_precision
               for p in level["precision"].values())  # fmt: skip


def test_bursts_in_shifting_power_states_go_on_to_the_cap(problem):
    """Calls agree within a burst but whole bursts move by up to 5% (the SM clock under a
    power cap): the calls' own spread says nothing, the round medians' does."""
    clock = random.Random(1)
    trusted = ScriptedWorker({"eager": (0.30, 0.012), "expert": (0.20, 0.012)}, clock=clock)
    candidate = ScriptedWorker({"solution": (0.15, 0.012)}, clock=clock)
    config = GpuConfig(min_rounds=3, max_rounds=12, audit_probability=0.0)
    level = runner._time_level(problem, problem.levels[-1], candidate, trusted, config,
                               random.Random(0))  # fmt: skip
    assert level["rounds"] == 12
    assert max(level["precision"].values()) > 0.01


def test_each_role_follows_each_other_role_equally_often(problem):
    """A burst inherits the power state of the one before it: no role may always come
    right after the same other role."""
    log: list[str] = []
    trusted = ScriptedWorker({"eager": (0.30, 0.012), "expert": (0.20, 0.012)}, log=log)
    candidate = ScriptedWorker({"solution": (0.15, 0.012)}, log=log)
    config = GpuConfig(min_rounds=6, max_rounds=6, warmup_rounds=0, audit_probability=0.0)
    runner._time_level(problem, problem.levels[-1], candidate, trusted, config,
                       random.Random(0))  # fmt: skip
    rounds = [tuple(log[i : i + 3]) for i in range(0, len(log), 3)]
    assert len(set(rounds)) == 6  # every order once
    pairs = [(a, b) for order in rounds for a, b in itertools.pairwise(order)]
    assert len(set(pairs)) == 6 and all(pairs.count(pair) == 2 for pair in set(pairs))


def test_every_case_of_a_level_is_timed_in_every_order(problem):
    """Cases alternate round by round; no case may see only half of the orders."""
    log: list[str] = []
    trusted = ScriptedWorker({"eager": (0.30, 0.012), "expert": (0.20, 0.012)}, log=log)
    candidate = ScriptedWorker({"solution": (0.15, 0.012)}, log=log)
    level = problem.levels[-1]
    assert level.cases >= 2
    rounds = 6 * level.cases
    config = GpuConfig(min_rounds=rounds, max_rounds=rounds, warmup_rounds=0,
                       audit_probability=0.0)  # fmt: skip
    runner._time_level(problem, level, candidate, trusted, config, random.Random(0))
    cases = [request["case"] for request in trusted.seen if request["op"] == "prepare"][::2]
    orders = [tuple(log[i : i + 3]) for i in range(0, len(log), 3)]
    assert len(cases) == len(orders) == rounds
    for case in range(level.cases):
        assert len({order for order, c in zip(orders, cases, strict=True) if c == case}) == 6


def test_level_precision_comes_from_round_medians():
    from codeeff.gpu.scoring import level_precision

    steady = [1.0, 1.2, 0.9, 1.0] * 4  # noisy calls, identical round medians
    assert level_precision(steady, [0] * 16, burst=4) == pytest.approx(0.0)
    shifting = [1.0] * 4 + [1.1] * 4 + [1.0] * 4 + [1.1] * 4
    assert level_precision(shifting, [0] * 16, burst=4) > 0.05
    assert level_precision([1.0] * 8, [0] * 4 + [1] * 4, burst=4) == float("inf")


_WORKER_BURST_SCRIPT = r"""
import json, sys
import torch
sys.argv = ["worker.py"]
import codeeff.gpu.worker as w

class Event:
    clock = [0.0]
    def __init__(self, enable_timing=True):
        self.t = None

def record(event, stream=None):
    Event.clock[0] += 0.25
    event.t = Event.clock[0]

w._EVENT, w._RECORD, w._ELAPSED = Event, record, lambda a, b: b.t - a.t
w._EVENT_SYNC = w._SYNC = lambda *a: None
w._SET_STREAM = lambda stream: None
worker = w.Worker()
worker.flush = torch.zeros(64, dtype=torch.uint8)
worker.generator = w._load(open(GENERATOR).read(), "codeeff_generator")
calls = []
worker.functions["f"] = lambda x: calls.append(1) or x * 2
level = {"name": "small", "index": 1, "weight": 1, "cases": 2,
         "params": {"rows": 4, "cols": 8, "dtype": "float32"}}
prepared = worker.prepare({"which": "f", "level": level, "case": 0, "seeds": [1, 2, 3],
                           "warmup_seed": 9, "warmup_ms": 1.0})
timed = worker.time({"which": "f"})
print(json.dumps({"prepared": prepared, "timed": timed, "calls": len(calls),
                  "kept": len(worker.last_output["f"]), "pending": list(worker.pending)}))
"""


def test_worker_prepare_and_time_run_their_whole_path_on_cpu():
    """The GPU-only burst code, run with stand-in CUDA events: every input is called
    once in the burst, after at least one warm-up call, and each call gets one window
    and one tail (catches breakage that would otherwise show only on a GPU)."""
    import json
    import subprocess
    import sys

    from codeeff.problems import default_root

    generator = default_root() / "problems" / "triton" / "row_softmax" / "generator.py"
    script = _WORKER_BURST_SCRIPT.replace("GENERATOR", repr(str(generator)))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=default_root(), timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["prepared"] == {"ok": True} and result["pending"] == []
    assert result["timed"]["ms"] == [0.25, 0.25, 0.25]
    assert result["timed"]["tail_ms"] == [0.25, 0.25, 0.25]
    assert result["calls"] >= 4 and result["kept"] == 3


def test_random_audits_sample_fresh_positions_and_the_last_audit_is_whole(problem):
    """A random audit sends both workers the same AUDIT_SAMPLE positions, new ones every
    time (drawn after the timing); the audit of the level's last call is whole."""
    trusted = ScriptedWorker({"eager": (0.30, 0.02), "expert": (0.20, 0.02)})
    candidate = ScriptedWorker({"solution": (0.15, 0.02)})
    config = GpuConfig(min_rounds=4, max_rounds=4, audit_probability=1.0)
    runner._time_level(problem, problem.levels[-1], candidate, trusted, config, random.Random(0))

    def audits(worker):
        return [p for h, p in zip(worker.seen, worker.received, strict=True) if h["op"] == "audit"]

    sent, echoed = audits(candidate), audits(trusted)
    assert sent == echoed and len(sent) == 5
    assert all(len(p) == 8 * runner.AUDIT_SAMPLE for p in sent[:-1]) and sent[-1] == b""
    assert len(set(sent[:-1])) == 4


FLUSH = "void at::native::vectorized_elementwise_kernel<4, at::native::FillFunctor<unsigned char>>"


class KernelListingWorker(ScriptedWorker):
    """A candidate whose warm-up ran `watched` kernels and whose timed bursts ran `timed`."""

    def __init__(self, script, watched: dict, timed: dict):
        super().__init__(script)
        self.watched, self.timed = watched, timed
        self.hello = {"flush_kernels": [FLUSH]}

    def request(self, header: dict, timeout_s: float = 0.0, payload: bytes = b""):
        if header["op"] == "kernels":
            self.seen.append(header)
            return {"ok": True, "kernels": self.timed}, b"", 0.002
        answer, out, wall = super().request(header, timeout_s, payload)
        if header["op"] == "prepare" and header.get("kernel_audit"):
            answer = dict(answer, watched_kernels=self.watched)
        return answer, out, wall


def _listed(problem, timed: dict, watched: dict | None = None):
    trusted = ScriptedWorker({"eager": (0.30, 0.012), "expert": (0.20, 0.012)})
    watched = watched or {FLUSH: 40, "_softmax_rows_kernel": 40}
    candidate = KernelListingWorker({"solution": (0.15, 0.012)}, watched, timed)
    return runner._time_level(problem, problem.levels[-1], candidate, trusted, CONFIG,
                              random.Random(0)), candidate, trusted  # fmt: skip


def test_timed_calls_running_only_their_watched_kernels_pass(problem):
    level, candidate, trusted = _listed(problem, {FLUSH: 8, "_softmax_rows_kernel": 8})
    assert level["rounds"] >= 3
    assert sum(h["op"] == "kernels" for h in candidate.seen) == level["rounds"] + 1  # + warm-up
    assert not any(h["op"] == "kernels" or h.get("kernel_audit") for h in trusted.seen)


def test_a_timed_call_computing_in_pytorch_is_rejected_by_its_kernels(problem):
    """The review's token-launch sample, made to behave only when watched: its timed
    calls run PyTorch's softmax kernel, which its watched warm-up never ran."""
    softmax = "void at::native::(anonymous namespace)::cunn_SoftMaxForward<4, float>"
    with pytest.raises(Rejected, match="cunn_SoftMaxForward") as caught:
        _listed(problem, {FLUSH: 8, "noop": 8, softmax: 8}, {FLUSH: 40, "noop": 40})
    assert caught.value.verdict == Verdict.WA


def test_a_kernel_list_that_lost_the_flushes_is_rejected(problem):
    """Stopping or pausing the profiler inside a timed call loses kernels, the burst's
    own L2 flushes among them."""
    with pytest.raises(Rejected, match="lost kernels"):
        _listed(problem, {"_softmax_rows_kernel": 8})
    assert runner.timed_kernels_problem({}, "not a dict", [FLUSH], 8)


def test_a_burst_shrinks_to_what_gpu_memory_holds_or_the_level_is_not_timed(problem):
    """One call of an imported task's published size can move 12 GB: a burst of 8 in
    two workers would not fit in an H200's 141 GB."""
    assert runner.fitting_burst(8, 1 << 30, 141) == (8, "")
    assert runner.fitting_burst(8, 10 << 30, 141) == (2, "")
    burst, why = runner.fitting_burst(8, 40 << 30, 141)
    assert burst == 0 and why.startswith("not measured") and "42.9 GB" in why
    trusted = ScriptedWorker({"eager": (0.30, 0.012), "expert": (0.20, 0.012)})
    trusted.hello = {"memory_gb": 141}
    candidate = ScriptedWorker({"solution": (0.15, 0.012)})
    big = 10 << 30
    trusted.script["roofline_bytes"] = big
    original = ScriptedWorker.request

    def roofline(self, header, timeout_s=0.0, payload=b""):
        if header["op"] == "roofline":
            return {"ok": True, "bytes": self.script.get("roofline_bytes", 1 << 30),
                    "flops": None}, b"", 0.001  # fmt: skip
        return original(self, header, timeout_s, payload)

    trusted.request = roofline.__get__(trusted)
    level = runner._time_level(problem, problem.levels[-1], candidate, trusted, CONFIG,
                               random.Random(0))  # fmt: skip
    assert level["burst"] == 2 and all(len(h["seeds"]) == 2 for h in candidate.seen
                                       if h["op"] == "prepare")  # fmt: skip
    trusted.script["roofline_bytes"] = 40 << 30
    level = runner._time_level(problem, problem.levels[-1], candidate, trusted, CONFIG,
                               random.Random(0))  # fmt: skip
    assert level["candidate_ms"] == [] and level["not_measured"].startswith("not measured")


def test_an_fp8_level_is_held_to_the_fp8_peak():
    """fp8 operands with a bf16 output: the level's compute_dtype picks the FLOP peak;
    with no dtype at all the level is float32 (adamw_step's parameters)."""
    from codeeff.gpu.roofline import compute_dtype, fraction_of_peak

    fp8 = load_task("triton/gemm_fp8_rowwise").levels[-1].params
    assert compute_dtype(fp8) == "float8_e4m3fn" and compute_dtype({"n": 1}) == "float32"
    flops = 2 * 8192**3
    share = fraction_of_peak("NVIDIA H200", compute_dtype(fp8), None, flops, 1e-3)["flops"]
    assert abs(share - flops / 1e-3 / 1979e12) < 1e-9
