"""Compile a Triton solution's kernels for a real GPU (sm_90) on a machine without one.

Why: Triton's CPU interpreter runs kernels as Python, so it accepts code the GPU
compiler refuses (a plain global read inside a kernel, some dtype casts, shapes that
are not powers of two). A task validated only in the interpreter can then fail on the
first GPU it meets. Triton's compiler itself needs no GPU: given a kernel, the types of
its arguments and its constexpr values it goes down to PTX and a cubin (ptxas ships
with the Triton wheel).

How: while the solution runs in the interpreter, every launch is recorded (the
kernel's name, each argument's Triton type, the constexpr values, the launch options
such as num_warps). Then a fresh process without the interpreter imports the same
source and compiles each distinct launch for `TARGET`. Kernels defined inside a
function cannot be found by name there and are reported as not checked. The inputs
are CPU tensors, so host code that branches on the device (a CPU fallback chosen by
`x.is_cuda`) has its CPU branch compiled here, not its GPU one.
"""

from __future__ import annotations

import contextlib
import inspect
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

TARGET = ("cuda", 90, 32)  # Hopper (H100/H200): compute capability 9.0, warps of 32
TIMEOUT_S = 300

_TYPES = {
    "float16": "fp16", "bfloat16": "bf16", "float32": "fp32", "float64": "fp64",
    "int8": "i8", "int16": "i16", "int32": "i32", "int64": "i64", "uint8": "u8",
    "bool": "i1", "float8_e4m3fn": "fp8e4nv", "float8_e5m2": "fp8e5",
}  # fmt: skip


def _arg_type(value) -> str:
    """The Triton signature type of one runtime argument."""
    import torch

    if isinstance(value, torch.Tensor):
        return "*" + _TYPES[str(value.dtype).removeprefix("torch.")]
    if isinstance(value, bool):
        return "i1"
    if isinstance(value, int):
        return "i32" if -(2**31) <= value < 2**31 else "i64"
    if isinstance(value, float):
        return "fp32"
    raise TypeError(f"an argument of type {type(value).__name__}")


def _is_constexpr(parameter: inspect.Parameter) -> bool:
    annotation = parameter.annotation
    if isinstance(annotation, str):
        return "constexpr" in annotation
    return getattr(annotation, "__name__", "") == "constexpr"


def _constant(value):
    """A constexpr value as JSON (Triton dtypes by name)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if hasattr(value, "primitive_bitwidth"):  # a tl.dtype
        return {"dtype": value.name}
    raise TypeError(f"a constexpr of type {type(value).__name__}")


def describe_launch(fn, args: tuple, kwargs: dict) -> dict:
    """The compile request for one launch of the kernel function `fn`."""
    signature_of_fn = inspect.signature(fn)
    parameters = signature_of_fn.parameters
    bound = signature_of_fn.bind_partial(*args, **{k: v for k, v in kwargs.items()
                                                   if k in parameters})  # fmt: skip
    bound.apply_defaults()
    signature, constants = {}, {}
    for name, parameter in parameters.items():
        value = bound.arguments.get(name)
        if _is_constexpr(parameter) or value is None:
            signature[name] = "constexpr"
            constants[name] = _constant(value)
        else:
            signature[name] = _arg_type(value)
    launch_options = {k: v for k, v in kwargs.items() if isinstance(v, (int, bool))
                      and k in ("num_warps", "num_stages", "num_ctas", "maxnreg")}  # fmt: skip
    return {"kernel": fn.__name__, "signature": signature, "constants": constants,
            "options": launch_options}  # fmt: skip


@contextlib.contextmanager
def recording_launches(execute: bool = True) -> Iterator[list[dict]]:
    """Record every interpreted kernel launch made inside the block (TRITON_INTERPRET=1).

    With execute=False the kernels do not run: the host code still makes every launch a
    large input leads to (the block sizes chosen for it) in a moment, not in the hours
    the interpreter would take, though what it computes is then garbage."""
    from triton.runtime.interpreter import InterpretedFunction

    launches: list[dict] = []
    original = InterpretedFunction.run

    def run(self, *args, grid, warmup, **kwargs):
        try:
            launches.append(describe_launch(self.fn, args, kwargs))
        except (TypeError, KeyError) as error:
            launches.append({"kernel": self.fn.__name__, "unsupported": str(error)})
        return original(self, *args, grid=grid, warmup=warmup, **kwargs) if execute else None

    InterpretedFunction.run = run
    try:
        yield launches
    finally:
        InterpretedFunction.run = original


def _distinct(launches: list[dict]) -> list[dict]:
    seen, distinct = set(), []
    for launch in launches:
        key = json.dumps(launch, sort_keys=True)
        if key not in seen:
            seen.add(key)
            distinct.append(launch)
    return distinct


def _child(mode: str, request: dict, interpret: bool) -> dict | list:
    """Run one phase in a fresh process: the interpreter's choice is made at import time,
    and the harness itself must not import a solution."""
    env = {k: v for k, v in os.environ.items() if k != "TRITON_INTERPRET"}
    if interpret:
        env["TRITON_INTERPRET"] = "1"
    done = subprocess.run([sys.executable, "-m", "codeeff.gpu.compile_check", mode],
                          input=json.dumps(request), capture_output=True, text=True,
                          env=env, timeout=TIMEOUT_S)  # fmt: skip
    if done.returncode < 0:  # a signal: the kernel's OOM killer, most often
        raise RuntimeError(f"the {mode} process was killed by signal {-done.returncode} (out "
                           "of memory? every stress level's inputs are made on the CPU: "
                           "the largest need several GB)")  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"the {mode} process failed: {done.stderr.strip()[-1000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def check_solution(problem, source_path: Path) -> list[str]:
    """Errors of compiling, for TARGET, every launch the solution makes on level 0 (run in
    the interpreter) and on each stress level (launches recorded, kernels not run)."""
    request = {"folder": str(problem.folder), "source": str(source_path)}
    try:
        recorded = _child("record", request, interpret=True)
        if isinstance(recorded, dict):  # the solution failed on level 0
            return [recorded["error"]]
        return _child("compile", dict(request, launches=_distinct(recorded)), interpret=False)
    except (RuntimeError, subprocess.TimeoutExpired) as error:
        return [f"not checked: {error}"]


def _record(request: dict) -> list[dict] | dict:
    import random

    from codeeff.problems import load_module, load_problem

    problem = load_problem(Path(request["folder"]))
    generator = load_module(problem.folder / "generator.py", "codeeff_ccgen")
    solution = getattr(load_module(Path(request["source"]), "codeeff_ccsol"), problem.entry_point)
    launches: list[dict] = []
    for level in problem.levels:
        inputs = generator.generate(level, 0, random.Random(level.index), "cpu")
        with recording_launches(execute=level.index == 0) as recorded:
            try:
                solution(*inputs)
            except Exception as error:  # garbage from unexecuted kernels may upset host code
                if level.index == 0:
                    return {"error": f"fails on level 0: {type(error).__name__}: {error}"}
        launches += recorded
        del inputs
    return launches


def _kernels(module) -> dict:
    """Module-level kernels by function name, through autotune/heuristics wrappers."""
    from triton.runtime.jit import JITFunction

    found = {}
    for value in vars(module).values():
        while not isinstance(value, JITFunction) and hasattr(value, "fn"):
            value = value.fn
        if isinstance(value, JITFunction):
            found[value.fn.__name__] = value
    return found


def _compile_one(kernels: dict, launch: dict) -> str:
    import triton
    import triton.language as tl
    from triton.backends.compiler import GPUTarget
    from triton.compiler import ASTSource

    name = launch["kernel"]
    if "unsupported" in launch:
        return f"{name}: not checked ({launch['unsupported']})"
    if name not in kernels:
        return f"{name}: not checked (not defined at module level)"
    constants = {k: tl.dtype(v["dtype"]) if isinstance(v, dict) else v
                 for k, v in launch["constants"].items()}  # fmt: skip
    source = ASTSource(kernels[name], launch["signature"], constants)
    try:
        triton.compile(source, target=GPUTarget(*TARGET), options=launch["options"])
    except Exception as error:  # the compiler's own error is the finding
        return f"{name}: {type(error).__name__}: {str(error).strip()[:1500]}"
    return ""


def _compile(request: dict) -> list[str]:
    from codeeff.problems import load_module

    kernels = _kernels(load_module(Path(request["source"]), "codeeff_ccsol"))
    return [e for e in (_compile_one(kernels, launch) for launch in request["launches"]) if e]


def main() -> None:
    """Child process: `record` or `compile`, the request on stdin, the answer as JSON on
    the last line of stdout (whatever the solution prints goes to stderr)."""
    request = json.loads(sys.stdin.read())
    with contextlib.redirect_stdout(sys.stderr):
        answer = _record(request) if sys.argv[1] == "record" else _compile(request)
    print(json.dumps(answer))


if __name__ == "__main__":
    main()
