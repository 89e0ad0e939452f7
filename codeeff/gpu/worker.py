"""The process that runs Triton solutions on the GPU (or in Triton's CPU interpreter).

One worker holds either the untrusted candidate (role "candidate", inside a sandbox)
or the trusted baselines (role "reference": PyTorch eager and the Triton expert); the
two never share a process, so a candidate cannot find the reference or the expected
outputs in its own memory. The parent (runner.py) compares outputs, so nothing here
decides correctness; this file only generates inputs from seeds, calls, times and
ships raw output bytes.

Timing: a fresh input per timed call (generated from a new seed, outside the timed
window), the L2 cache flushed by writing a buffer twice its size, a device-wide
synchronize before the end event (work on any stream is included), CUDA events read
through references saved before the candidate was loaded; any later change to those
primitives or to this module's functions is reported as tampering.

Protocol on fds 0/1: codec frames. Standard library, codec, torch and triton only.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import os
import sys
import tempfile
import time
import traceback
import types

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))  # codeeff/ (or /codeeff in the sandbox)
for _index, _arg in enumerate(sys.argv[:-1]):  # --site DIR: package folders (torch, triton)
    if _arg == "--site":
        sys.path.append(sys.argv[_index + 1])
import codec  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(HERE), "sandbox"))
import syscall_filter  # noqa: E402

sys.path.insert(0, HERE)
import torch_rule  # noqa: E402
from output_wire import encode_output  # noqa: E402

del sys.path[0]

del sys.path[0]

INTERPRET = os.environ.get("TRITON_INTERPRET") == "1"
import torch  # noqa: E402
import triton  # noqa: E402

DEVICE = "cpu" if INTERPRET or not torch.cuda.is_available() else "cuda"
CANDIDATE = "solution"  # the role the runner gives the untrusted code in its requests
L2_FLUSH_BYTES = 256 << 20  # > 2x the L2 of current data-centre GPUs (H100/H200 SXM: 50 MB)

# Saved before any untrusted code runs; timing only ever calls these.
_EVENT = torch.cuda.Event
_RECORD = torch.cuda.Event.record
_ELAPSED = torch.cuda.Event.elapsed_time
_EVENT_SYNC = torch.cuda.Event.synchronize
_SYNC = torch.cuda.synchronize
_SET_STREAM = torch.cuda.set_stream
_PERF = time.perf_counter
# The profiler that lists the kernels each timed burst ran (Worker.kernels), saved here
# before torch_rule replaces the public entry points with refusals.
_PREPARE_PROFILER = torch._C._autograd._prepare_profiler
_ENABLE_PROFILER = torch._C._autograd._enable_profiler
_DISABLE_PROFILER = torch._C._autograd._disable_profiler
_CUDA_ACTIVITY = {torch._C._profiler.ProfilerActivity.CUDA}
_CUDA_DEVICE_TYPE = torch._C._autograd.DeviceType.CUDA
WATCHED = {
    "torch.cuda.Event": lambda: torch.cuda.Event,
    "torch.cuda.Event.record": lambda: torch.cuda.Event.record,
    "torch.cuda.Event.elapsed_time": lambda: torch.cuda.Event.elapsed_time,
    "torch.cuda.Event.synchronize": lambda: torch.cuda.Event.synchronize,
    "torch.cuda.synchronize": lambda: torch.cuda.synchronize,
    "time.perf_counter": lambda: time.perf_counter,
    "time.sleep": lambda: time.sleep,
    "torch.cuda.set_stream": lambda: torch.cuda.set_stream,
    "torch.cuda.stream": lambda: torch.cuda.stream,
    "torch.cuda._sleep": lambda: torch.cuda._sleep,
    "torch.Tensor.zero_": lambda: torch.Tensor.zero_,
    "torch.Tensor.clone": lambda: torch.Tensor.clone,
    "torch.Tensor.view": lambda: torch.Tensor.view,
    "torch.Tensor.__eq__": lambda: torch.Tensor.__eq__,
    "os.write": lambda: os.write,
    "os.read": lambda: os.read,
}
WATCHED_ORIGINALS = {name: get() for name, get in WATCHED.items()}


def _profiler_config():
    """Kineto's settings for a kernel list (CUDA activity only: no CPU-side op records,
    whose per-operator cost would land in the timed calls)."""
    profile = torch.autograd.profiler.profile(use_device="cuda")
    try:
        return profile.config(create_trace_id=True)
    except TypeError:  # torch before trace ids
        return profile.config()


_PROFILER_CONFIG = _profiler_config() if DEVICE == "cuda" else None


def _kernels_start() -> None:
    _PREPARE_PROFILER(_PROFILER_CONFIG, _CUDA_ACTIVITY)
    _ENABLE_PROFILER(_PROFILER_CONFIG, _CUDA_ACTIVITY)


def _kernels_stop() -> dict[str, int]:
    """Every kernel (and memset or copy) the GPU ran since _kernels_start, by name."""
    counts: dict[str, int] = {}
    for event in _DISABLE_PROFILER().events():
        if event.device_type() == _CUDA_DEVICE_TYPE:
            counts[event.name()] = counts.get(event.name(), 0) + 1
    return counts


def _first_config_when_interpreted() -> None:
    """Triton's CPU interpreter cannot benchmark (there is no driver to time with), so an
    @triton.autotune kernel with several configs would fail there through no fault of
    its own: it runs its first config instead (correctness is all the CPU path judges)."""
    from triton.runtime import autotuner

    original = autotuner.Autotuner.prune_configs

    def first_only(self, *args, **kwargs):
        return original(self, *args, **kwargs)[:1]

    autotuner.Autotuner.prune_configs = first_only


if INTERPRET:
    _first_config_when_interpreted()


class _CudaOnCpu(torch.overrides.TorchFunctionMode):
    """In Triton's CPU interpreter, a sample's `.cuda()`, `.to("cuda")` and
    `device="cuda"` mean the CPU: there is no GPU here, and a kernel written for one must
    be judged on its answers, not fail for a device it was right to ask for."""

    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = dict(kwargs or {})
        if _is_cuda(kwargs.get("device")):
            kwargs["device"] = "cpu"
        if func is torch.Tensor.cuda:
            return args[0]
        if func is torch.Tensor.to:
            args = tuple("cpu" if _is_cuda(arg) else arg for arg in args)
        return func(*args, **kwargs)


def _is_cuda(device) -> bool:
    return (
        isinstance(device, (str, torch.device, int))
        and not isinstance(device, bool)
        and (isinstance(device, int) or torch.device(device).type == "cuda")
    )


def _private_copy(module: types.ModuleType) -> types.ModuleType:
    """A second, unregistered instance of a module: patching the one in sys.modules
    cannot change how this worker frames its answers."""
    spec = importlib.util.spec_from_file_location(f"_private_{module.__name__}", module.__file__)
    copy = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(copy)
    return copy


_FRAMES = _private_copy(codec)
_WRITE_FRAME, _READ_FRAME = _FRAMES.write_frame, _FRAMES.read_frame


def _count_launches(rule):
    """Wrap Triton's launch path so the parent can require a real @triton.jit launch.

    Returns (reset, read, names) for a counter kept in a closure (no module global that a
    solution could simply add to); `names` gives the launches per kernel name. In
    Triton's CPU interpreter a launch runs torch ops of its own (copies to and from
    numpy): the rule is paused for them.
    """
    from triton.runtime import jit

    counter = [0]
    names: dict[str, int] = {}  # launches per kernel name since the last reset
    targets = [jit.JITFunction]
    interpreter = getattr(triton.runtime, "interpreter", None)
    if interpreter is not None and hasattr(interpreter, "InterpretedFunction"):
        targets.append(interpreter.InterpretedFunction)
    for cls in targets:
        original = cls.run

        def run(self, *args, __original=original, **kwargs):
            counter[0] += 1
            name = getattr(self, "__name__", "?")
            names[name] = names.get(name, 0) + 1
            if INTERPRET:
                with rule.paused_for_launch():
                    return __original(self, *args, **kwargs)
            return __original(self, *args, **kwargs)

        cls.run = run

    def reset() -> None:
        counter[0] = 0
        names.clear()

    return reset, lambda: counter[0], lambda: dict(names)


def _snapshot(worker) -> dict[str, tuple]:
    """What the worker relies on, taken before any untrusted code is imported: every
    global of this module, of the codec, of the output encoding and of the generator,
    the Worker class's methods and the worker's own attributes (by identity, functions
    also by code object), and where the L2 flush buffer lives."""
    namespaces = {
        "worker": vars(sys.modules[__name__]),
        "codec": vars(codec),
        "output_wire": vars(sys.modules[encode_output.__module__]),
        "generator": vars(worker.generator),
        "Worker": dict(vars(Worker)),
        "worker instance": vars(worker),
    }
    entries = {
        f"{prefix}.{name}": (value, getattr(value, "__code__", None))
        for prefix, namespace in namespaces.items()
        for name, value in namespace.items()
        if not name.startswith("__")
    }
    if worker.flush is not None:
        entries["flush buffer"] = (worker.flush.data_ptr(), worker.flush.numel())
    return entries


def tampering(snapshot: dict[str, tuple], worker) -> str:
    """Names of timing primitives or worker state that changed since the snapshot."""
    changed = [name for name, get in WATCHED.items() if get() is not WATCHED_ORIGINALS[name]]
    now = _snapshot(worker)
    for name, (value, code) in snapshot.items():
        if name == "flush buffer":
            if now.get(name) != (value, code):
                changed.append(name)
            continue
        current = now.get(name, (None, None))
        if current[0] is not value or current[1] is not code:
            changed.append(name)
    return ", ".join(changed)


class Level:
    """What generate() receives as `level` (same attributes as problems.Level)."""

    def __init__(self, data: dict):
        self.name, self.index, self.weight = data["name"], data["index"], data["weight"]
        self.cases, self.params = data["cases"], data["params"]


SOURCE_DIR = tempfile.mkdtemp(prefix="codeeff-gpu-")


def _load(source: str, name: str) -> types.ModuleType:
    """Import source from a real file: @triton.jit reads its function's source back."""
    path = os.path.join(SOURCE_DIR, f"{name}.py")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(source)
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _flatten(value) -> list:
    if isinstance(value, (tuple, list)):
        return [leaf for item in value for leaf in _flatten(item)]
    return [value]


def _same_bits(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """Elementwise bit equality (NaN payloads included), whatever the dtype."""
    a, b = a.detach().contiguous().view(-1), b.detach().contiguous().view(-1)
    if a.element_size() == 1:
        return a.view(torch.uint8) == b.view(torch.uint8)
    width = {2: torch.int16, 4: torch.int32, 8: torch.int64}[a.element_size()]
    return a.view(width) == b.view(width)


class Worker:
    def __init__(self):
        self.functions: dict[str, object] = {}
        self.generator = None
        self.last_output: dict[str, object] = {}
        self.pending: dict[str, list[tuple]] = {}  # prepared inputs of the next burst
        self.flush = (
            torch.empty(L2_FLUSH_BYTES, dtype=torch.uint8, device=DEVICE)
            if DEVICE == "cuda"
            else None
        )
        self.stream = torch.cuda.current_stream() if DEVICE == "cuda" else None
        self.side = torch.cuda.Stream() if DEVICE == "cuda" else None
        # The rule of Triton tasks, on for every call into the candidate (torch_rule.py).
        self.rule = torch_rule.Rule()
        self.reset_launches, self.launches, self.launched = _count_launches(self.rule)
        # Whether a kernel list is being taken (prepare .. kernels); in a dict, as the
        # tamper check holds the worker's attributes to their identity.
        self.listing = {"on": False}
        self.flush_kernels: list[str] = []  # what the L2 flush runs, listed before any candidate
        if DEVICE == "cuda":
            _kernels_start()
            self.flush.zero_()
            _SYNC()
            self.flush_kernels = sorted(_kernels_stop())

    @contextlib.contextmanager
    def watched(self, which: str):
        """The rule's watch over one call into `which` (only the candidate is watched);
        in the CPU interpreter, the candidate's CUDA devices also mean the CPU."""
        with contextlib.ExitStack() as stack:
            if INTERPRET and which == CANDIDATE:
                stack.enter_context(_CudaOnCpu())
            stack.enter_context(self.rule.watching(which == CANDIDATE))
            yield

    def inputs(self, request: dict) -> tuple:
        import random

        rng = random.Random(request["seed"])
        return tuple(self.generator.generate(Level(request["level"]), request["case"], rng, DEVICE))

    def load_generator(self, request: dict) -> None:
        self.generator = _load(request["generator"], "codeeff_generator")

    def load_sources(self, request: dict) -> dict:
        if CANDIDATE in request["sources"]:
            # The first dispatch through a Python mode imports what torch needs for it
            # (torch._dynamo, in some versions): here, not inside the candidate's call.
            with self.rule.watching(True):
                torch.empty(0, device=DEVICE)
            for name, installed in torch_rule.install(self.rule).items():
                WATCHED[name] = functools.partial(torch_rule._resolve, name)
                WATCHED_ORIGINALS[name] = installed
        for which, source in request["sources"].items():
            with self.watched(which):  # its module's own code too (a graph made at import)
                module = _load(source, f"codeeff_{which}")
            name = request["entry_points"][which]
            function = getattr(module, name, None)
            if not callable(function):
                raise NameError(f"the {which} does not define {name}()")
            self.functions[which] = function
        return {"ok": True}

    def call(self, request: dict) -> tuple[dict, bytes]:
        """One correctness call: launches counted, inputs checked for mutation."""
        inputs = self.inputs(request)
        pristine = [x.clone() if isinstance(x, torch.Tensor) else x for x in inputs]
        self.reset_launches()
        with self.watched(request["which"]):
            output = self.functions[request["which"]](*inputs)
        if DEVICE == "cuda":
            _SYNC()
        launches = self.launches()
        mutated = any(
            isinstance(x, torch.Tensor) and not torch.equal(x, p)
            for x, p in zip(inputs, pristine, strict=True)
        )
        meta, raw = encode_output(output)
        return {"ok": True, "launches": launches, "mutated": mutated, "output": meta}, raw

    def prepare(self, request: dict) -> dict:
        """Generate a burst's inputs (one fresh seed per call) and warm the GPU up.

        The GPU idles and clocks down while requests cross the pipe, so the function
        first runs untimed for `warmup_ms`, on an input of its own seed that is never
        timed (nothing cached from it can hit). This is a request of its own so that
        the runner's wall-clock check of `time` covers only the timed calls.
        """
        which = request["which"]
        function = self.functions[which]
        # The last burst's outputs go first, so this burst's allocations find their
        # blocks cached instead of calling cudaMalloc inside a timed window.
        self.last_output.pop(which, None)
        self.pending[which] = [self.inputs(dict(request, seed=s)) for s in request["seeds"]]
        warm = self.inputs(dict(request, seed=request["warmup_seed"]))
        _SYNC()
        audit = bool(request.get("kernel_audit")) and DEVICE == "cuda"
        if self.listing["on"]:  # a burst that failed before its list was taken
            _kernels_stop()
        if audit:
            _kernels_start()
        self.listing["on"] = audit
        until = _PERF() + request.get("warmup_ms", 0.0) / 1000
        while True:
            _SET_STREAM(self.stream)
            self.flush.zero_()
            with self.watched(which):
                function(*warm)
            _SYNC()
            if _PERF() >= until:
                break
        if not audit:
            return {"ok": True}
        watched = _kernels_stop()
        _kernels_start()  # the timed burst's list, taken by `kernels` after it
        return {"ok": True, "watched_kernels": watched}

    def time(self, request: dict) -> dict:
        """The prepared burst: each call timed alone, on its own input.

        Each call: the L2 flush is queued, the start event, the call, the end event,
        all on the caller's stream with no host wait, so the host's launch work
        overlaps the flush and the window holds the GPU's work on that stream alone;
        then a device-wide synchronize and a third event. The gap from the end event
        to the third one (`tail_ms`) is the synchronize's own latency, plus any work
        the call left running on another stream: the runner charges a candidate
        whatever its tails exceed the trusted workers'. Timed outputs are kept for a
        possible audit.
        """
        function = self.functions[request["which"]]
        inputs = self.pending.pop(request["which"])
        self.reset_launches()
        stream = self.stream
        events = [tuple(_EVENT(enable_timing=True) for _ in range(3)) for _ in inputs]
        outputs = []
        for args, (start, end, done) in zip(inputs, events, strict=True):
            _SET_STREAM(stream)
            self.flush.zero_()
            _RECORD(start, stream)
            # Not under the rule: its Python dispatch costs ~10 us per operator, which
            # slowed the experts' timed calls by 13% (up to 27%) on an H200.
            output = function(*args)
            _RECORD(end, stream)
            _SYNC()  # device-wide: waits for work the call left on any stream
            _RECORD(done, stream)
            outputs.append(output)
        _EVENT_SYNC(events[-1][2])
        self.last_output[request["which"]] = outputs
        return {"ok": True, "ms": [_ELAPSED(start, end) for start, end, _ in events],
                "tail_ms": [_ELAPSED(end, done) for _, end, done in events],
                "launches": self.launches(), "launched": self.launched()}  # fmt: skip

    def kernels(self, request: dict) -> dict:
        """The kernels the GPU ran during the last timed burst, by name (a request of
        its own: stopping the profiler takes milliseconds, outside `time`'s wall time).

        The runner compares them with the kernels of the burst's warm-up calls, which
        ran under the rule: a timed call that computes with PyTorch or a library runs
        kernels no watched call ran, whatever it could tell about being timed."""
        if not self.listing["on"]:
            return {"ok": False, "error": "no kernel list was being taken"}
        self.listing["on"] = False
        return {"ok": True, "kernels": _kernels_stop()}

    def stream_order(self, request: dict) -> dict:
        """Does the call's work wait for the caller's stream, as PyTorch code must?

        The caller's stream is held by a sleeping kernel while the call is made, and a
        copy of its output is taken on another stream while the hold lasts. Work queued
        in the caller's stream order (or on a stream made to wait for it) cannot have
        written anything yet; work launched on an unordered stream has, and in timing it
        would run during the L2 flush, ahead of the start event. `early` is the
        fraction of nonzero output elements already equal to the final answer;
        `conclusive` is false when the call itself waited out the hold (a host
        synchronize inside it).
        """
        function = self.functions[request["which"]]
        args = self.inputs(request)
        stream = self.stream
        _SET_STREAM(stream)
        _SYNC()
        hold_s = request.get("hold_ms", 200.0) / 1000
        with torch.cuda.stream(stream):
            torch.cuda._sleep(int(hold_s * 2.5e9))  # cycles: at least hold_s below 2.5 GHz
        returned_at = _PERF()
        with self.watched(request["which"]):
            output = function(*args)
        returned_at = _PERF() - returned_at
        time.sleep(min(hold_s / 4, 0.05))  # let an unordered stream's work finish
        tensors = [t for t in _flatten(output) if isinstance(t, torch.Tensor) and t.is_cuda]
        with torch.cuda.stream(self.side):
            early = [t.detach().clone() for t in tensors]
        self.side.synchronize()
        conclusive = not stream.query() and returned_at < hold_s / 4
        _SYNC()
        same = total = 0
        for copy, final in zip(early, tensors, strict=True):
            # Zeros are left out: fresh memory often holds them already.
            nonzero = ~_same_bits(final, torch.zeros_like(final))
            same += int((_same_bits(copy, final) & nonzero).sum())
            total += int(nonzero.sum())
        return {"ok": True, "conclusive": conclusive, "early": same / total if total else 0.0}

    def roofline(self, request: dict) -> dict:
        """Minimum bytes moved and FLOPs of one input, from the reference module."""
        module = sys.modules.get("codeeff_eager")
        inputs = self.inputs(request)
        figures = {}
        for name, key in (("bytes_moved", "bytes"), ("flops", "flops")):
            function = getattr(module, name, None)
            figures[key] = int(function(*inputs)) if callable(function) else None
        return dict(figures, ok=True)

    def audit(self, request: dict, positions: bytes) -> tuple[dict, bytes]:
        """One kept timed output: whole, or at the flat positions in the request's
        payload (int64), for a random audit of a large output."""
        kept = self.last_output.get(request["which"]) or [None]
        sample = torch.frombuffer(bytearray(positions), dtype=torch.int64) if positions else None
        meta, raw = encode_output(kept[request.get("index", -1)], sample)
        return {"ok": True, "output": meta}, raw


def hello(worker: Worker) -> dict:
    info = {"op": "hello", "torch": torch.__version__, "triton": triton.__version__,
            "device": DEVICE, "interpret": INTERPRET, "python": sys.version.split()[0],
            "flush_kernels": worker.flush_kernels}  # fmt: skip
    if DEVICE == "cuda":
        properties = torch.cuda.get_device_properties(0)
        info.update(gpu=properties.name, cuda=torch.version.cuda,
                    memory_gb=round(properties.total_memory / 2**30, 1),
                    uuid=str(getattr(properties, "uuid", "")) or None)  # fmt: skip
        try:
            import subprocess

            info["driver"] = subprocess.run(
                ["nvidia-smi", "--query-gpu=driver_version", "--format=csv,noheader"],
                capture_output=True, text=True, timeout=20,
            ).stdout.strip()  # fmt: skip
        except (OSError, subprocess.SubprocessError):
            info["driver"] = "unknown"
    return info


def serve(in_fd: int, out_fd: int) -> None:
    worker = Worker()
    snapshot: dict[str, tuple] = {}  # a local, not an attribute a solution could reset
    _WRITE_FRAME(out_fd, hello(worker))
    while True:
        try:
            request, received = _READ_FRAME(in_fd)
        except EOFError:
            return
        op = request.get("op")
        payload = b""
        try:
            if op == "load":
                worker.load_generator(request)
                snapshot = _snapshot(worker)
                answer = worker.load_sources(request)
            elif op == "call":
                answer, payload = worker.call(request)
            elif op == "prepare":
                answer = worker.prepare(request)
            elif op == "time":
                answer = worker.time(request)
            elif op == "kernels":
                answer = worker.kernels(request)
            elif op == "stream_order":
                answer = worker.stream_order(request)
            elif op == "roofline":
                answer = worker.roofline(request)
            elif op == "audit":
                answer, payload = worker.audit(request, received)
            else:
                answer = {"ok": False, "error": f"unknown op {op!r}"}
        except BaseException as error:  # the candidate's failure, reported, not fatal
            text = traceback.format_exc(limit=6)[-3000:]
            answer = {"ok": False, "error": f"{type(error).__name__}: {error}", "trace": text}
        if snapshot:
            answer["tampered"] = tampering(snapshot, worker)
            if torch_rule.on_stack():  # a mode of its own left behind, or ours kept on
                changed = [answer["tampered"], "the dispatch mode stack"]
                answer["tampered"] = ", ".join(filter(None, changed))
        if worker.rule.broken:
            answer["forbidden"] = worker.rule.broken[0]
        _WRITE_FRAME(out_fd, answer, payload)


def confine_to_cpus() -> None:
    """The candidate may not leave the cores it was started on (runner._worker_cpus):
    its threads could otherwise slow the trusted worker's launches and waits."""
    import platform

    machine = platform.machine()
    program = syscall_filter.seccomp_program(machine, gpu_worker=True)
    if program is None:
        raise OSError(f"no syscall table for {machine}: cannot confine the candidate")
    syscall_filter.SeccompInstaller(program, syscall_filter.SECCOMP_SYSCALL[machine]).install()


if __name__ == "__main__":
    if "--confine" in sys.argv:
        confine_to_cpus()
    out = os.dup(1)
    os.dup2(2, 1)  # prints from solutions go to stderr, never into the protocol
    serve(0, out)
