"""What the importers of PyTorch-defined GPU benchmarks share (KernelBench, TritonBench).

Their published tasks are PyTorch code: a function or an `nn.Module` and the code that
draws its inputs. Each becomes a `triton` problem whose files carry that code as text and
run it themselves (the GPU workers load a problem's files with neither codeeff nor the
source tree importable):

- generator.py runs the published input code with PyTorch's RNG seeded from the case's
  `rng` (inside `torch.random.fork_rng`, so the global RNG state is left as it was),
  allocating on the case's device; a level's `params` say which sizes: `shrink` divides
  the code's size literals (level 0, small enough for Triton's CPU interpreter), and
  odd cases centre the non-negative float inputs listed in `centred` (x - mean(x)), so
  that no task is judged on non-negative values only (ReLU of torch.rand is a copy);
- reference.py calls the published code on those inputs in eager PyTorch, and says how
  many bytes any solution must move (its inputs read once, its outputs written once),
  and, where PyTorch's flop counter sees matmuls or convolutions, their flops;
- the expert is the eager reference itself (`[source] expert = "eager"`): the sources
  publish no Triton kernel.

The run-time helpers below (RUNTIME) are copied into those files by `runtime_source`, so
the code that ran when a problem was imported is the code its files run. The rest checks
a converted task on CPU before it is written (`examine`): the reference is deterministic,
returns tensors, depends on its inputs, an all-zero answer fails, level 0 is small, and
the published sizes fit the memory cap; a task that fails says why (NotConvertible).
"""

from __future__ import annotations

import ast
import functools
import inspect
import json
import keyword
import math
import random
import re
import textwrap
import time
import types
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import torch

from codeeff.importers.records import toml_string

# --- run-time helpers (copied into every generated file) ------------------------------

# Integer literals below this are kernel sizes, strides, axes, group or head counts and
# small batch sizes: shrinking keeps them, and divides the larger ones (the sizes), to
# no less than SHRINK_FLOOR (a multiple of the small counts, and no degenerate size 1).
SHRINK_FROM = 16
SHRINK_FLOOR = 8
_LOADED: dict = {}


def shrunk_tree(text: str, factor: int, functions: tuple[str, ...],
                floor: int = SHRINK_FLOOR) -> ast.Module:  # fmt: skip
    """The source's syntax tree, its size literals divided by `factor` (to SHRINK_FLOOR):
    integer literals of at least SHRINK_FROM in module-level statements (not in class
    or function definitions) and in the functions named, except a `range()`'s bounds
    and an exponent (which set how many and how large, not a size)."""
    tree = ast.parse(text)
    if factor == 1:
        return tree
    roots = [
        node
        for node in tree.body
        if not isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.Import, ast.ImportFrom))
    ]
    roots += [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name in functions]
    kept = set()
    for root in roots:
        for node in ast.walk(root):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "range":
                kept.update(id(leaf) for arg in node.args for leaf in ast.walk(arg))
            elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
                kept.update(id(leaf) for leaf in ast.walk(node.right))
    for root in roots:
        for node in ast.walk(root):
            if (
                isinstance(node, ast.Constant)
                and type(node.value) is int
                and node.value >= SHRINK_FROM
                and id(node) not in kept
            ):
                node.value = max(floor, node.value // factor)
    return tree


def load_source(text: str, params: dict, functions: tuple[str, ...] = ()) -> dict:
    """The namespace of the published code run with its sizes shrunk as a level's params
    say (`shrink`: the factor, `floor`: the least size; shrunk_tree), made once per
    process."""
    factor, floor = params.get("shrink", 1), params.get("floor", SHRINK_FLOOR)
    key = (hash(text), factor, floor, functions)
    if key not in _LOADED:
        namespace = {"__name__": "published_source", "print": lambda *args, **kwargs: None}
        tree = shrunk_tree(text, factor, functions, floor)
        exec(compile(tree, "<published source>", "exec"), namespace)
        _LOADED[key] = namespace
    return _LOADED[key]


def seeded(rng: random.Random, device: str, function: Callable[[], Any]) -> Any:
    """function() with PyTorch's RNG seeded from `rng` and new tensors on `device`; the
    global RNG state is restored afterwards."""
    device = torch.device(device)
    devices = [device.index or 0] if device.type == "cuda" else []
    seed = rng.getrandbits(63)
    with torch.random.fork_rng(devices=devices), device:
        # Not torch.manual_seed: without CUDA it queues a seeding per device type, each
        # with a formatted stack (milliseconds a call).
        torch.random.default_generator.manual_seed(seed)
        if devices:
            torch.cuda.manual_seed(seed)
        return function()


def centred(args: tuple, positions: list[int]) -> tuple:
    """The case's arguments with the listed float tensors centred on zero."""
    return tuple(
        value - value.mean() if index in positions else value for index, value in enumerate(args)
    )


class OnDevice(torch.overrides.TorchFunctionMode):
    """Published code written for a GPU (`.cuda()`, `device="cuda"`) run on `device`
    (the CPU, in Triton's interpreter, or "meta" to learn shapes without memory)."""

    def __init__(self, device):
        super().__init__()
        self.device = torch.device(device)

    @staticmethod
    def names_cuda(value) -> bool:
        return isinstance(value, (str, torch.device)) and torch.device(value).type == "cuda"

    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = dict(kwargs or {})
        if self.names_cuda(kwargs.get("device")):
            kwargs["device"] = self.device
        if func is torch.Tensor.cuda:
            return args[0].to(self.device)
        if func is torch.Tensor.to:
            args = tuple(self.device if self.names_cuda(arg) else arg for arg in args)
        return func(*args, **kwargs)


def tensors_of(value) -> list:
    if isinstance(value, torch.Tensor):
        return [value]
    if isinstance(value, (tuple, list)):
        return [tensor for item in value for tensor in tensors_of(item)]
    return []


def on_meta(args: tuple) -> tuple:
    return tuple(
        torch.empty_like(value, device="meta") if isinstance(value, torch.Tensor) else value
        for value in args
    )


def output_bytes(reference: Callable, args: tuple) -> int:
    """The bytes of the reference's outputs: worked out on the meta device (shapes only),
    or by running it where an operator has no meta implementation."""
    try:
        output = reference(*on_meta(args))
    except Exception:  # an operator without a meta kernel: the real thing
        output = reference(*args)
    return sum(t.numel() * t.element_size() for t in tensors_of(output))


def counted_flops(reference: Callable, args: tuple) -> int:
    """The flops PyTorch's flop counter sees (matmuls, convolutions, attention; not the
    elementwise work), on the meta device."""
    from torch.utils.flop_counter import FlopCounterMode

    counter = FlopCounterMode(display=False)
    with counter:
        reference(*on_meta(args))
    return int(counter.get_total_flops())


RUNTIME = (shrunk_tree, load_source, seeded, centred, OnDevice, tensors_of, on_meta,
           output_bytes, counted_flops)  # fmt: skip
RUNTIME_GLOBALS = f"SHRINK_FROM = {SHRINK_FROM}\nSHRINK_FLOOR = {SHRINK_FLOOR}\n_LOADED = {{}}\n"


@functools.cache
def runtime_source(*extra: Any) -> str:
    """The text of the run-time helpers (and of an importer's own `extra` functions) for
    a generated file."""
    parts = [inspect.getsource(item) for item in (*RUNTIME, *extra)]
    return RUNTIME_GLOBALS + "\n\n" + "\n\n".join(parts)


def module_text(docstring: str, constants: dict[str, tuple[Any, str]], functions: tuple,
                tail: str) -> str:  # fmt: skip
    """A generated file: its docstring, imports, `constants` (name -> (value, comment)),
    the run-time helpers and the importer's `functions`, then `tail` (its entry points)."""
    imports = ["ast", "contextlib", "random"]
    lines = [f'"""{docstring.strip()}"""', "", "from __future__ import annotations", ""]
    lines += [f"import {name}" for name in imports]
    lines += [
        "from collections.abc import Callable",
        "from typing import Any",
        "",
        "import torch",
        "",
    ]
    for name, (value, comment) in constants.items():
        lines.append(f"{name} = {value!r}" + (f"  # {comment}" if comment else ""))
    return "\n".join(lines) + "\n\n" + runtime_source(*functions) + "\n\n" + tail.strip() + "\n"


def generator_text(doc: str, source: str, shrink_functions: tuple[str, ...],
                   centred_inputs: list[int], draw: Callable) -> str:  # fmt: skip
    """generator.py: `generate(level, case, rng, device)` is `draw(SOURCE, level, rng,
    device)`, its odd cases centred."""
    constants = {
        "SOURCE": (source, "the published code"),
        "SHRINK_FUNCTIONS": (shrink_functions, ""),
        "CENTRED": (centred_inputs, "float inputs that odd cases centre on zero"),
    }
    tail = (
        'def generate(level, case, rng, device="cpu"):\n'
        f"    args = {draw.__name__}(SOURCE, level, rng, device)\n"
        "    return centred(args, CENTRED) if case % 2 else args\n"
    )
    return module_text(doc, constants, (draw,), tail)


@dataclass(frozen=True)
class Published:
    """Where a converted task comes from ([source] of its problem.toml)."""

    name: str  # the benchmark's name
    source_id: str  # the file it came from
    url: str
    license: str
    tags: tuple[str, ...]


def imported_problem(task: str, published: Published, examined: Examined,
                     levels: list[LevelSpec], files: dict[str, str]) -> Any:  # fmt: skip
    """The ImportedProblem of a converted task: `files` (prompt.py, generator.py,
    reference.py) with its problem.toml, and the eager reference as its expert."""
    from codeeff.importers.records import ImportedProblem

    source = {"name": published.name, "id": published.source_id, "url": published.url,
              "license": published.license, "fixed_inputs": "none", "expert": "eager"}  # fmt: skip
    tolerances = {dtype: TOLERANCES[dtype] for dtype in examined.dtypes}
    title = f"{published.name} {published.source_id}"
    toml = problem_toml(title, list(published.tags), source, tolerances, levels)
    tiers = {"expert": files["reference.py"] + EXPERT_TAIL}
    return ImportedProblem(task, files={"problem.toml": toml, **files}, tiers=tiers)


def converting(name: str, source_id: str, convert: Callable[[], Any]) -> Any:
    """convert(), or the ImportedProblem saying why `source_id` is not converted."""
    from codeeff.importers.records import ImportedProblem

    try:
        return convert()
    except NotConvertible as error:
        return ImportedProblem(name, error=f"{source_id}: {error}")
    except Exception as error:  # the published code fails in a way not foreseen: said
        detail = f"{type(error).__name__}: {str(error)[:200]}"
        return ImportedProblem(name, error=f"{source_id}: source fails: {detail}")


BYTES_MOVED = '''
def bytes_moved(*args):
    """A lower bound: every input read once, every output written once."""
    return sum(t.numel() * t.element_size() for t in tensors_of(args)) + output_bytes(
        reference, args
    )
'''
FLOPS = '''

def flops(*args):
    """What PyTorch's flop counter sees (matmuls, convolutions); not the elementwise work."""
    return counted_flops(reference, args)
'''
EXPERT_TAIL = "\n\ndef solution(*args):\n    return reference(*args)\n"


def reference_tail(call: str, flops: bool) -> str:
    """The entry points of a reference.py whose `reference(*args)` returns `call`."""
    return f"def reference(*args):\n    return {call}\n\n" + BYTES_MOVED + (FLOPS if flops else "")


# --- checks made when a task is converted ---------------------------------------------

# Level 0 runs in Triton's CPU interpreter: at most this many output and input elements,
# and the eager reference within this time on one CPU core.
SMALL_OUTPUT_ELEMENTS = 100_000
SMALL_INPUT_ELEMENTS = 1 << 21
SMALL_REFERENCE_S = 0.5
SHRINK_FACTORS = tuple(2**power for power in range(13))
SHRINK_FLOORS = (SHRINK_FLOOR, 4, 2)  # the least size: 8, else 4 or 2 (5-d tensors)
# float tolerances for dtypes a task's outputs have; integer and bool outputs compare
# exactly. The importer modules say why these values.
TOLERANCES = {"float32": (1e-2, 1e-2), "float16": (1e-2, 1e-2), "bfloat16": (2e-2, 2e-2),
                      "float64": (1e-6, 1e-6)}  # fmt: skip
RULE = (
    "The work must be done by one or more @triton.jit kernels that you write and launch;\n"
    "torch may only be used to allocate the output (torch.empty and the like), not to\n"
    "compute it. Do not modify the input."
)


class NotConvertible(Exception):
    """A task that cannot become a problem; `reason` is the short class of why (for the
    import's counts), the message the details."""

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason


def meta_failure(error: Exception) -> NotConvertible:
    """Why drawing the published level on the meta device failed: the draw reads the values
    it made (which the meta device has not), or the published code fails."""
    text = f"{type(error).__name__}: {str(error)[:150]}"
    if "meta" in str(error):
        return NotConvertible("no sizes without data", f"drawing on the meta device: {text}")
    return NotConvertible("source fails", text)


def reason_of(error: str) -> str:
    """The reason class of a not-converted record's error text (`<where>: <reason>: ...`)."""
    parts = error.split(": ")
    return parts[1] if len(parts) > 2 else error


def exec_module(text: str, name: str) -> types.ModuleType:
    """A generated file's text run as a module (as the GPU worker loads it)."""
    module = types.ModuleType(name)
    exec(compile(text, f"<{name}>", "exec"), module.__dict__)
    return module


def level(index: int, params: dict, cases: int = 1, name: str = "") -> types.SimpleNamespace:
    """What a generator receives as `level` (problems.Level's attributes)."""
    return types.SimpleNamespace(name=name or f"level{index}", index=index, weight=0,
                                 cases=cases, params=params)  # fmt: skip


@dataclass(frozen=True)
class Arg:
    """One argument as a prompt describes it: a tensor's shape and dtype, or a value."""

    shape: tuple[int, ...] | None  # None: not a tensor
    dtype: str
    value: Any = None

    @staticmethod
    def of(value: Any) -> Arg:
        if isinstance(value, torch.Tensor):
            return Arg(tuple(value.shape), str(value.dtype).removeprefix("torch."))
        return Arg(None, type(value).__name__, value)

    def nbytes(self) -> int:
        if self.shape is None:
            return 0
        return (
            math.prod(self.shape) * torch.empty(0, dtype=getattr(torch, self.dtype)).element_size()
        )

    def text(self) -> str:
        if self.shape is None:
            return f"{self.dtype} {self.value!r}"
        return f"{self.dtype} {list(self.shape)}"


def describe(values: Iterable[Any]) -> list[Arg]:
    return [Arg.of(value) for value in values]


def elements(values: Iterable[Any]) -> int:
    return sum(tensor.numel() for tensor in tensors_of(list(values)))


def nbytes(values: Iterable[Any]) -> int:
    return sum(t.numel() * t.element_size() for t in tensors_of(list(values)))


def check_output(output: Any) -> list[torch.Tensor]:
    """The output's tensors; NotConvertible where it is not tensors (or a tuple/list of
    them) of a dtype the comparison handles."""
    items = list(output) if isinstance(output, (tuple, list)) else [output]
    if not items or not all(isinstance(item, torch.Tensor) for item in items):
        kinds = ", ".join(sorted({type(item).__name__ for item in items})) or "nothing"
        raise NotConvertible("output is not tensors", f"the reference returns {kinds}")
    for item in items:
        if item.is_complex() or item.dtype not in _COMPARABLE:
            raise NotConvertible("unsupported output dtype", f"the reference returns {item.dtype}")
    return items


_COMPARABLE = {torch.float32, torch.float16, torch.bfloat16, torch.float64, torch.bool,
               torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64}  # fmt: skip


def float_dtypes(outputs: list[torch.Tensor]) -> list[str]:
    names = [str(t.dtype).removeprefix("torch.") for t in outputs if t.is_floating_point()]
    return sorted(set(names), key=names.index)


@dataclass
class Examined:
    """What the checks found out about one task (`examine`)."""

    small: dict[str, Any]  # level 0's params
    small_args: list[Arg]
    outputs: list[Arg]  # level 0's outputs
    centred: list[int]  # inputs that odd cases centre
    dtypes: list[str]  # float dtypes of the outputs
    flops: bool  # the flop counter sees work (flops() is worth defining)
    published: list[list[Arg]] = field(default_factory=list)  # per stress level
    published_outputs: list[list[Arg]] = field(default_factory=list)


def run_meta(generator, reference, params: dict) -> tuple[tuple, Any]:
    """(inputs, outputs) on the meta device: shapes and dtypes without memory or time.
    The outputs are None where an operator has no meta implementation."""
    args = generator.generate(level(0, params), 0, random.Random(0), "meta")
    try:
        output = reference(*args)
    except Exception:  # no meta kernel: sizes from the inputs only
        output = None
    return args, output


def small_params(generator, reference_for: Callable[[dict], Callable], base: dict) -> dict:
    """Level 0's params: `base` with the least shrink factor whose inputs, outputs and
    eager time are small enough for the CPU interpreter (SMALL_*); `reference_for(params)`
    is the reference for those sizes."""
    failures: list[str] = []
    for floor in SHRINK_FLOORS:
        position = 0 if floor == SHRINK_FLOOR else 1  # the floor matters once shrunk
        while position < len(SHRINK_FACTORS):
            factor = SHRINK_FACTORS[position]
            params = dict(base, **({"shrink": factor} if factor > 1 else {}),
                          **({"floor": floor} if floor != SHRINK_FLOOR else {}))  # fmt: skip
            why, excess = _small_enough(generator, reference_for, params)
            if not why:
                return params
            failures.append(f"x1/{factor} (>= {floor}): {why}")
            # Sizes fall at least as the factor, at most as its 4th power (5-d tensors):
            # skip the factors that cannot be enough.
            position += max(1, int(math.log2(excess)) // 4)
    distinct = list(dict.fromkeys(failures))
    raise NotConvertible("no small level", "no shrunk size runs in the CPU interpreter's budget "
                         f"({'; '.join(distinct[-3:])})")  # fmt: skip


def _small_enough(generator, reference_for: Callable[[dict], Callable],
                  params: dict) -> tuple[str, float]:  # fmt: skip
    """("", 0) where level 0 could have these params, else (why, how many times too large)."""
    try:
        reference = reference_for(params)
        args, output = run_meta(generator, reference, params)
    except Exception as error:  # this factor breaks the source's own code
        return f"{type(error).__name__}: {str(error)[:120]}", 1.0
    outputs = elements(tensors_of(output)) if output is not None else 0
    excess = max(elements(args) / SMALL_INPUT_ELEMENTS, outputs / SMALL_OUTPUT_ELEMENTS)
    if excess > 1:
        return "too large", excess
    try:
        args = generator.generate(level(0, params), 0, random.Random(1), "cpu")
        started = time.perf_counter()
        output = reference(*args)
        seconds = time.perf_counter() - started
    except Exception as error:
        return f"{type(error).__name__}: {str(error)[:120]}", 1.0
    excess = elements(tensors_of(output)) / SMALL_OUTPUT_ELEMENTS
    if excess > 1 or seconds > SMALL_REFERENCE_S:
        return f"{seconds:.2f} s", max(excess, seconds / SMALL_REFERENCE_S)
    return "", 0.0


def _copies(args: tuple) -> tuple:
    return tuple(value.clone() if isinstance(value, torch.Tensor) else value for value in args)


def _same(a: Any, b: Any) -> bool:
    left, right = tensors_of(a), tensors_of(b)
    return len(left) == len(right) and all(
        x.shape == y.shape
        and x.dtype == y.dtype
        and (torch.equal(x, y) or x.is_floating_point() and torch.allclose(x, y, 0, 0, True))
        for x, y in zip(left, right, strict=True)
    )


def _finite_where(original: Any, changed: Any) -> bool:
    """The changed output is finite wherever the original one is."""
    for x, y in zip(tensors_of(original), tensors_of(changed), strict=True):
        if x.is_floating_point() and bool((torch.isfinite(x) & ~torch.isfinite(y)).any()):
            return False
    return True


def zeros_pass(output: Any, tolerances: dict[str, tuple[float, float]]) -> bool:
    """Whether an all-zero answer is within tolerance, as gpu/compare.py judges it: every
    value exactly zero (integers, or floats of a dtype without tolerance), or every value
    finite and within atol + rtol * |value| of zero."""
    for tensor in tensors_of(output):
        name = str(tensor.dtype).removeprefix("torch.")
        if name not in tolerances:
            if bool(tensor.ne(0).any()):
                return False
            continue
        atol, rtol = tolerances[name]
        values = tensor.double()
        if not bool(torch.isfinite(values).all()):
            return False
        if bool((values.abs() > atol + rtol * values.abs()).any()):
            return False
    return True


def examine(generator, reference, small: dict, stress: list[dict],
            float_positions: Callable[[tuple], list[int]]) -> Examined:  # fmt: skip
    """Check a converted task on CPU (level 0) and on the meta device (stress levels);
    NotConvertible says what is wrong. `float_positions(args)` names the inputs a
    centred case may change (float inputs, not parameters)."""
    first = generator.generate(level(0, small), 0, random.Random(11), "cpu")
    try:  # on copies: an in-place operator changes its inputs
        output = seeded(random.Random(1), "cpu", lambda: reference(*_copies(first)))
        again = seeded(random.Random(2), "cpu", lambda: reference(*_copies(first)))
    except Exception as error:
        raise NotConvertible(
            "reference fails", f"{type(error).__name__}: {str(error)[:200]}"
        ) from None
    outputs = check_output(output)
    if any(t.is_floating_point() and t.numel() and not bool(torch.isfinite(t).any())
           for t in outputs):  # fmt: skip
        raise NotConvertible("output not finite", "the reference's output has no finite value")
    if not _same(output, again):
        raise NotConvertible("nondeterministic reference", "two calls on the same inputs differ "
                             "(random operations in the computation)")  # fmt: skip
    other = generator.generate(level(0, small), 0, random.Random(12), "cpu")
    if _same(reference(*_copies(other)), output):
        raise NotConvertible("output independent of the inputs",
                             "two different draws give the same output")  # fmt: skip
    dtypes = float_dtypes(outputs)
    tolerances = {name: TOLERANCES[name] for name in dtypes}
    if zeros_pass(output, tolerances):
        raise NotConvertible("zeros pass", "an all-zero answer is within the tolerance")
    positions = []
    for index in float_positions(first):
        value = first[index]
        if not (
            isinstance(value, torch.Tensor)
            and value.is_floating_point()
            and bool((value >= 0).all())
        ):
            continue
        try:  # with the inputs centred so far: odd cases centre them all
            changed = reference(*centred(_copies(first), [*positions, index]))
        except Exception:  # this input must stay non-negative
            continue
        if _finite_where(output, changed) and not zeros_pass(changed, tolerances):
            positions.append(index)
    _check_cases(generator, reference, small, positions, tolerances)
    examined = Examined(small=small, small_args=describe(first), outputs=describe(outputs),
                        centred=positions, dtypes=dtypes, flops=False)  # fmt: skip
    try:
        examined.flops = counted_flops(reference, _copies(first)) > 0
    except Exception:  # no meta kernel for some operator: no flops() for this task
        examined.flops = False
    for params in stress:
        args, meta_output = run_meta(generator, reference, params)
        examined.published.append(describe(args))
        examined.published_outputs.append(
            [] if meta_output is None else describe(tensors_of(meta_output))
        )
    return examined


def _check_cases(generator, reference, small: dict, positions: list[int],
                 tolerances: dict[str, tuple[float, float]]) -> None:  # fmt: skip
    """Level 0's cases as `problems validate` draws them (seed = case): the reference
    runs on each and an all-zero answer fails each."""
    for case in range(3):
        # The generator examined has no CENTRED yet: odd cases are centred here.
        args = generator.generate(level(0, small), case, random.Random(case), "cpu")
        try:
            output = reference(*centred(args, positions) if case % 2 else args)
        except Exception as error:
            raise NotConvertible(
                "reference fails", f"on case {case}: {type(error).__name__}: {str(error)[:150]}"
            ) from None
        if zeros_pass(output, tolerances):
            raise NotConvertible(
                "zeros pass", f"an all-zero answer is within tolerance on case {case}"
            )


def stress_bytes(generator, reference, params: dict) -> int:
    """Input plus output bytes of a level (the output's where the meta device knows it)."""
    args, output = run_meta(generator, reference, params)
    return nbytes(args) + (0 if output is None else nbytes(tensors_of(output)))


# --- the files of a problem -----------------------------------------------------------


def toml_value(value: Any) -> str:
    """A TOML value: strings, numbers, booleans, arrays and (inline) tables."""
    if isinstance(value, dict):
        items = ", ".join(f"{key} = {toml_value(item)}" for key, item in value.items())
        return f"{{ {items} }}" if items else "{}"
    if isinstance(value, (list, tuple)):
        return f"[{', '.join(toml_value(item) for item in value)}]"
    if isinstance(value, str):
        return toml_string(value)
    return json.dumps(value)


@dataclass(frozen=True)
class LevelSpec:
    name: str
    weight: float
    cases: int
    params: dict[str, Any]


def problem_toml(title: str, tags: list[str], source: dict[str, str],
                 tolerances: dict[str, tuple[float, float]], levels: list[LevelSpec],
                 memory_mb: int = 16384) -> str:  # fmt: skip
    """problem.toml of an imported Triton task: its source (expert = "eager": the source
    publishes no kernel) and its own levels; no random validation cases."""
    lines = [f"title = {toml_string(title)}", 'kind = "triton"', 'entry_point = "solution"',
             f"tags = {toml_value(tags)}", "", "[source]"]  # fmt: skip
    lines += [f"{key} = {toml_string(value)}" for key, value in source.items()]
    lines += ["", "[limits]", f"memory_mb = {memory_mb}", "alpha = 2.0", "", "[tolerances]"]
    lines += [f"{dtype} = {{ atol = {atol:g}, rtol = {rtol:g} }}"
              for dtype, (atol, rtol) in tolerances.items()]  # fmt: skip
    lines += ["", "[validation]", "random_cases = 0  # the levels' own cases only",
              "min_discrimination = 0.0  # no slower tier: eager is the baseline"]  # fmt: skip
    for spec in levels:
        lines += ["", "[[levels]]", f"name = {toml_string(spec.name)}", f"weight = {spec.weight}",
                  f"cases = {spec.cases}", f"params = {toml_value(spec.params)}"]  # fmt: skip
    return "\n".join(lines) + "\n"


def identifier(name: str, taken: set[str]) -> str:
    """A Python name for an argument (a state_dict key as `conv_weight`), unused so far."""
    text = re.sub(r"\W", "_", name).strip("_") or "arg"
    if text[0].isdigit():
        text = f"p{text}"
    if keyword.iskeyword(text):
        text += "_"
    base, number = text, 2
    while text in taken:
        text, number = f"{base}_{number}", number + 1
    taken.add(text)
    return text


def _docstring_body(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')


def _hint(arg: Arg) -> str:
    if arg.shape is not None:
        return "torch.Tensor"
    return arg.dtype if arg.dtype in ("int", "float", "bool", "str") else "object"


@dataclass(frozen=True)
class PromptSpec:
    """What a prompt says: the task in words, its code, the arguments and the outputs
    per level (level 0 first)."""

    summary: str  # a paragraph: what the code is and how the arguments map onto it
    code: str  # the published code the solution must compute
    names: list[str]  # one per argument, in order
    notes: list[str]  # one per argument: where it comes from
    levels: list[tuple[str, list[Arg], list[Arg]]]  # (level name, args, outputs)


def prompt_py(spec: PromptSpec) -> str:
    """prompt.py: `def solution(...)` whose docstring states the computation (the published
    code, verbatim), the arguments in order with their shapes per level, the outputs and
    the rule of Triton tasks."""
    first_args = spec.levels[0][1]
    params = [f"{name}: {_hint(arg)}" for name, arg in zip(spec.names, first_args, strict=True)]
    outputs = spec.levels[0][2]
    returns = "torch.Tensor" if len(outputs) == 1 else "tuple"
    signature = f"def solution({', '.join(params)}) -> {returns}:"
    if len(signature) > 88:
        signature = "def solution(\n" + "".join(f"    {p},\n" for p in params) + f") -> {returns}:"
    lines = [*textwrap.wrap(spec.summary, 84), "", "The published code:", ""]
    lines += [f"    {line}".rstrip() for line in spec.code.strip("\n").splitlines()]
    lines += ["", "Arguments, in this order (dtype and shape at each level; level 0 is the",
              "correctness check, the later levels are timed):"]  # fmt: skip
    for position, (name, note) in enumerate(zip(spec.names, spec.notes, strict=True)):
        lines.append(f"  {name}: {note}")
        lines += [f"      {title}: {args[position].text()}" for title, args, _ in spec.levels]
    lines += ["", f"Returns {'a tensor' if len(outputs) == 1 else 'a tuple of tensors'} on the "
              "inputs' device, as the published code does:"]  # fmt: skip
    for title, _, level_outputs in spec.levels:
        shown = ", ".join(arg.text() for arg in level_outputs) or "(as the code computes)"
        lines.append(f"      {title}: {shown}")
    lines += ["", "The inputs are on a CUDA device.", "", RULE]
    body = "\n".join(
        f"    {line}".rstrip() for line in _docstring_body("\n".join(lines)).split("\n")
    )
    return (
        "import torch\nimport triton\nimport triton.language as tl\n\n\n"
        f'{signature}\n    """{body.lstrip()}\n    """\n'
    )
