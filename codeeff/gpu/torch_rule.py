"""The rule of Triton tasks, enforced where PyTorch dispatches: the candidate's work is
done by its own Triton kernels; PyTorch may only allocate, view and describe tensors.

Loaded by the candidate worker (worker.py) before any candidate code; every call into
the candidate outside the timed windows (its module's import, every correctness call,
the warm-up before each timed burst, the stream-order check) runs under a dispatch mode
that records each PyTorch operator reaching the dispatcher and refuses the first one not
listed below: `torch.softmax` shows up as `aten::_softmax`, `x @ w` as `aten::mm`, a
`.to()` as `aten::_to_copy`. A refused operator raises inside the candidate; it is
recorded whether or not the candidate catches that, and the sample is rejected naming
it.

What would go around the dispatcher from Python is refused too: taking the mode off the
stack (or disabling dispatch), `torch.compile`, and CUDA graphs (their replay runs
kernels that no dispatch sees). The worker also checks, after every request, that these
functions are the ones installed here (worker.WATCHED) and that the mode is off the
stack again. The timed calls themselves run without the mode: its Python dispatch costs
~10 us per operator, which slowed the experts' timed calls on an H200 by 13% (geometric
mean, up to 27%; bench/results/gpu_rule_h200.md). What they run is checked on the GPU
instead: the worker lists (with PyTorch's profiler, CUDA activity only) the kernels of
each timed burst and of the watched warm-up before it, and a timed kernel that no
watched call ran rejects the sample (worker.Worker.kernels, runner.timed_kernels_problem)
whatever it could tell about being timed; the profiler's switches are refused here like
the escapes, and a list that lost the burst's own L2 flushes is a rejection too. That
costs the timed calls nothing measurable (the experts as candidates: 0.997-1.003 of
their trusted times, with or without the list). Left: a Triton kernel named exactly like
a library kernel (run once while watched) would hide that library kernel; kernels
launched through ctypes (a cuBLAS call by hand, or CUPTI turned off by hand); and on CPU
only, work done in numpy inside Triton's interpreter (where nothing is timed).
"""

from __future__ import annotations

import contextlib
import sys
import types
from collections.abc import Iterator

import torch
from torch.utils._python_dispatch import TorchDispatchMode

# Operators a Triton solution may dispatch (schema names, overloads included).
ALLOCATION = frozenset({
    "aten::empty", "aten::empty_like", "aten::empty_strided", "aten::new_empty",
    "aten::new_empty_strided", "aten::zeros", "aten::zeros_like", "aten::new_zeros",
    "aten::ones", "aten::ones_like", "aten::new_ones", "aten::full", "aten::full_like",
    "aten::new_full", "aten::zero_", "aten::fill_", "aten::lift_fresh",
    "aten::lift_fresh_copy", "aten::resize_",
})  # fmt: skip
VIEWS = frozenset({
    "aten::view", "aten::_unsafe_view", "aten::reshape", "aten::_reshape_alias",
    "aten::as_strided", "aten::t", "aten::transpose", "aten::permute", "aten::slice",
    "aten::select", "aten::narrow", "aten::unsqueeze", "aten::squeeze", "aten::expand",
    "aten::split", "aten::split_with_sizes", "aten::unbind", "aten::chunk", "aten::alias",
    "aten::detach", "aten::view_as", "aten::unflatten", "aten::flatten", "aten::movedim",
    "aten::diagonal",
})  # fmt: skip
# Reading a scalar back (`.item()`) or a tensor's metadata computes nothing.
METADATA = frozenset({
    "aten::_local_scalar_dense", "aten::sym_size", "aten::sym_stride", "aten::sym_numel",
    "aten::sym_storage_offset", "aten::is_contiguous", "aten::is_same_size", "aten::size",
    "aten::stride", "aten::numel", "aten::dim",
})  # fmt: skip
ALLOWED = ALLOCATION | VIEWS | METADATA

# Python entry points that would take PyTorch work out of the mode's sight: taking the
# mode off the stack, excluding the Python dispatch key, calling an operator below it
# (`redispatch`), compiling, CUDA graphs. Each is replaced, in torch and in the modules
# that imported it by name, with one that refuses.
_DISPATCH = "the dispatch mode"
ESCAPES = {
    "torch._C._pop_torch_dispatch_stack": f"pops {_DISPATCH}",
    "torch._C._set_dispatch_mode": f"replaces {_DISPATCH}",
    "torch._C._unset_dispatch_mode": f"removes {_DISPATCH}",
    "torch._C._DisableTorchDispatch": "disables dispatch",
    "torch._C._DisablePythonDispatcher": "disables the Python dispatcher",
    "torch._C._ExcludeDispatchKeyGuard": "excludes a dispatch key",
    "torch._C.ExcludeDispatchKeyGuard": "excludes a dispatch key",
    "torch._C._SetExcludeDispatchKeyGuard": "excludes a dispatch key",
    "torch._C._IncludeDispatchKeyGuard": "includes a dispatch key",
    "torch._C._ForceDispatchKeyGuard": "forces dispatch keys",
    "torch._C._dispatch_tls_set_dispatch_key_excluded": "excludes a dispatch key",
    "torch._C._dispatch_tls_set_dispatch_key_included": "includes a dispatch key",
    "torch.utils._python_dispatch._pop_torch_dispatch_stack": f"pops {_DISPATCH}",
    "torch.utils._python_dispatch._pop_mode": f"pops {_DISPATCH}",
    "torch.utils._python_dispatch._pop_mode_temporarily": f"pops {_DISPATCH}",
    "torch.utils._python_dispatch._disable_current_modes": f"disables {_DISPATCH}",
    "torch._ops.OpOverload.redispatch": "calls an operator below the dispatch mode",
    "torch.compile": "torch.compile (its kernels are not the solution's)",
    "torch._dynamo.optimize": "torch.compile (its kernels are not the solution's)",
    "torch.cuda.graph": "CUDA graphs (a replay runs kernels no dispatch sees)",
    "torch.cuda.CUDAGraph": "CUDA graphs (a replay runs kernels no dispatch sees)",
    "torch.cuda.make_graphed_callables": "CUDA graphs (a replay runs kernels no dispatch sees)",
}
# The profiler's switches: the worker lists the kernels of every timed burst with it
# (worker.Worker.kernels), so the candidate may not stop, pause or restart it. torch
# binds them in several modules under the same names: each binding is replaced.
PROFILER_SWITCHES = ("_prepare_profiler", "_enable_profiler", "_disable_profiler",
                     "_toggle_collection_dynamic")  # fmt: skip
# The stack operations this module itself uses, saved before they are replaced.
_PUSH = torch._C._push_on_torch_dispatch_stack
_POP = torch._C._pop_torch_dispatch_stack


class Refused(RuntimeError):
    """Raised inside the candidate where it broke the rule."""


class Rule(TorchDispatchMode):
    """Records (and refuses) every operator outside ALLOWED while `watching`."""

    def __init__(self) -> None:
        super().__init__()
        self.broken: list[str] = []  # what the candidate did, first first
        self.paused = False  # inside a launch in Triton's interpreter (its own torch use)

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        name = func._schema.name
        if not self.paused and name not in ALLOWED:
            self.refuse(f"PyTorch computed {name}")
        return func(*args, **(kwargs or {}))

    def refuse(self, what: str) -> None:
        self.broken.append(what)
        raise Refused(f"{what}: in a Triton task the solution's own @triton.jit kernels do "
                      "the work (PyTorch may only allocate, view and describe)")  # fmt: skip

    @contextlib.contextmanager
    def watching(self, active: bool) -> Iterator[None]:
        """The mode on the stack for one call into the candidate (or nothing). Pushed
        and popped with the saved stack operations: the ones in torch refuse."""
        if not active:
            yield
            return
        _PUSH(self)
        try:
            yield
        finally:
            _POP(None)

    @contextlib.contextmanager
    def paused_for_launch(self) -> Iterator[None]:
        """Triton's CPU interpreter runs a launch with torch ops of its own (copies to
        and from numpy); they are not the candidate's. On a GPU the mode stays on."""
        before, self.paused = self.paused, True
        try:
            yield
        finally:
            self.paused = before


def install(rule: Rule) -> dict[str, object]:
    """Replace every escape with one that records it; returns {dotted name: installed
    object} for the worker's tamper check."""
    installed = {}
    for dotted, what in ESCAPES.items():
        owner_path, name = dotted.rsplit(".", 1)
        owner = _resolve(owner_path)
        if owner is None or not hasattr(owner, name):
            continue

        def refused(*args, __what=what, **kwargs):
            rule.refuse(f"the solution used {__what}")

        setattr(owner, name, refused)
        installed[dotted] = refused
    for name in PROFILER_SWITCHES:
        original = getattr(torch._C._autograd, name, None)
        if original is None:
            continue

        def refused(*args, __what=f"the profiler's {name}", **kwargs):
            rule.refuse(f"the solution used {__what} (it lists the kernels timed calls run)")

        for module_name, module in list(sys.modules.items()):
            if module_name.split(".")[0] == "torch" and vars(module).get(name) is original:
                setattr(module, name, refused)
                installed[f"{module_name}.{name}"] = refused
    return installed


def _resolve(dotted: str):
    """The object a dotted path names, None if a part is missing. Never imports: a
    module's lazy attributes (torch._dynamo) are left alone until something imports
    them, and importing them inside the sandbox can fail (no home, no user name)."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        found = sys.modules.get(".".join(parts[:cut]))
        if found is not None:
            break
    else:
        return None
    for part in parts[cut:]:
        found = (vars(found).get(part) if isinstance(found, types.ModuleType)
                 else getattr(found, part, None))  # fmt: skip
        if found is None:
            return None
    return found


def on_stack() -> bool:
    """Whether any dispatch mode is on the stack (none may be, between requests)."""
    return torch._C._len_torch_dispatch_stack() > 0
