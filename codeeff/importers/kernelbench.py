"""`codeeff import kernelbench`: KernelBench's problems (Ouyang et al., "KernelBench: can
LLMs write efficient GPU kernels?", MIT) as Triton problems.

Reads a KernelBench checkout's problem folder (the one holding level1/, level2/, ...):
each `level<N>/<id>_<Name>.py` defines `Model(nn.Module)`, `get_inputs()`,
`get_init_inputs()` and the module constants that set its sizes. Each becomes
`l<N>_<id>_<name>`, asking for `solution(*forward inputs, *parameters and buffers)`:
- generator.py runs the file's own code (its text is embedded) with PyTorch's RNG
  seeded from the case's rng: `get_inputs()`, then `Model(*get_init_inputs())`, whose
  parameters and buffers (by their state_dict names) follow the forward inputs;
- reference.py is the Model's forward with those tensors (torch.func.functional_call on
  a Model built on the meta device), in eager PyTorch, in training mode as KernelBench
  runs it (batch norm uses the batch's statistics);
- level 0 ("small", 3 cases) runs the file with its size constants divided by the least
  power of two that makes it small enough for Triton's CPU interpreter (torch_sources:
  constants below 16, as kernel sizes, strides and axes, stay); level 1 ("published",
  2 cases) has KernelBench's own sizes;
- tolerances: KernelBench's check is torch.allclose with atol = rtol = 1e-2 for float32,
  which these problems keep; float16 1e-2 and bfloat16 2e-2 (one bf16 ulp is 0.8%, and
  eager rounds between operators where a fused kernel need not); integer outputs exactly;
- the expert is the eager reference (`[source] expert = "eager"`): KernelBench publishes
  no kernel.

Levels 1 and 2 are imported (200 files); `include_excluded` adds level 3 (whole
networks). Level 4 (Hugging Face models) is never converted: its files download models
from the hub. A file that cannot be converted says why (torch_sources.NotConvertible).
"""

from __future__ import annotations

import ast
import random
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import torch

from codeeff.importers.records import ImportedProblem
from codeeff.importers.torch_sources import (
    LevelSpec,
    NotConvertible,
    PromptSpec,
    Published,
    converting,
    examine,
    exec_module,
    generator_text,
    identifier,
    imported_problem,
    load_source,
    meta_failure,
    module_text,
    nbytes,
    prompt_py,
    reference_tail,
    run_meta,
    seeded,
    small_params,
)  # fmt: skip

NAME = "kernelbench"
LICENSE = "MIT"
URL = "https://github.com/ScalingIntelligence/KernelBench"
LEVELS = ("level1", "level2")
EXCLUDED_LEVELS = ("level3",)
NETWORK_LEVELS = ("level4",)
SHRINK_FUNCTIONS = ("get_inputs", "get_init_inputs")
# The published level's inputs, parameters and outputs (intermediates come on top).
MAX_PUBLISHED_BYTES = 16 << 30
FILE_NAME = re.compile(r"(\d+)_(.+)\.py")


# --- run-time code (copied into the generated files) -----------------------------------


def draw_module(source: str, level, rng: random.Random, device: str) -> tuple:
    """The forward inputs (get_inputs()), then the parameters and buffers of
    Model(*get_init_inputs()), each drawn under its own seed from `rng`, on `device`."""
    namespace = load_source(source, level.params, SHRINK_FUNCTIONS)
    inputs = seeded(rng, device, namespace["get_inputs"])
    model = seeded(rng, device, lambda: namespace["Model"](*namespace["get_init_inputs"]()))
    moved = [value.to(device) if isinstance(value, torch.Tensor) else value for value in inputs]
    state = [*dict(model.named_parameters()).values(), *dict(model.named_buffers()).values()]
    return (*moved, *[tensor.detach().to(device) for tensor in state])


def signature(args: tuple) -> list:
    """What tells the levels' arguments apart: each tensor's shape and dtype, each value."""
    return [
        [list(value.shape), str(value.dtype)]
        if isinstance(value, torch.Tensor)
        else [None, repr(value)]
        for value in args
    ]


def call_module(source: str, levels: list, names: list[str], args: tuple):
    """Model.forward on the forward inputs with the parameters and buffers in `args`;
    `levels` [(shrink params, signature), ...] says which sizes the Model is built for."""
    found = signature(args)
    matches = [params for params, known in levels if known == found]
    if not matches:
        raise ValueError("these arguments match no level of this task (shapes or dtypes differ)")
    namespace = load_source(source, matches[0], SHRINK_FUNCTIONS)
    if "codeeff_skeleton" not in namespace:  # the Model's structure, without memory
        with torch.device("meta"):
            namespace["codeeff_skeleton"] = namespace["Model"](*namespace["get_init_inputs"]())
    count = len(args) - len(names)
    with torch.no_grad():
        return torch.func.functional_call(
            namespace["codeeff_skeleton"], dict(zip(names, args[count:], strict=True)),
            tuple(args[:count]),
        )  # fmt: skip


# --- conversion -----------------------------------------------------------------------


def task_name(level_name: str, number: int, stem: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", stem.lower()).strip("_")
    return f"l{level_name.removeprefix('level')}_{number:03d}_{slug}"


def source_files(folder: Path, level_name: str) -> list[tuple[int, Path]]:
    """(id, path) of a level's problem files, by id (numerically)."""
    found = []
    for path in (folder / level_name).glob("*.py"):
        match = FILE_NAME.fullmatch(path.name)
        if match:
            found.append((int(match.group(1)), path))
    return sorted(found)


def generator_py(header: str, text: str, centred_inputs: list[int]) -> str:
    doc = (f"{header}\n\nInputs: the published file's get_inputs(), then the parameters and "
           "buffers of\nModel(*get_init_inputs()), drawn with PyTorch's RNG seeded from the "
           "case's rng.")  # fmt: skip
    return generator_text(doc, text, SHRINK_FUNCTIONS, centred_inputs, draw_module)


def reference_py(header: str, text: str, levels: list, names: list[str], flops: bool) -> str:
    doc = (
        f"{header}\n\nThe eager reference: Model.forward with the parameters and buffers passed in."
    )
    constants = {"SOURCE": (text, ""), "SHRINK_FUNCTIONS": (SHRINK_FUNCTIONS, ""),
                 "LEVELS": (levels, "(shrink params, argument signature) per level"),
                 "NAMES": (names, "the parameters and buffers, in argument order")}  # fmt: skip
    tail = reference_tail("call_module(SOURCE, LEVELS, NAMES, args)", flops)
    return module_text(doc, constants, (signature, call_module), tail)


def forward_names(text: str, count: int) -> list[str]:
    """The forward's parameter names for `count` inputs (x0, x1, ... where it takes *args)."""
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ClassDef) and node.name == "Model":
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name == "forward":
                    names = [arg.arg for arg in item.args.posonlyargs + item.args.args][1:]
                    if len(names) >= count:
                        return names[:count]
    return [f"x{index}" for index in range(count)]


def convert(path: Path, level_name: str, number: int) -> ImportedProblem:
    source_id = f"{level_name}/{path.name}"
    name = task_name(level_name, number, FILE_NAME.fullmatch(path.name).group(2))
    text = path.read_text(encoding="utf-8")
    header = (
        f"KernelBench {source_id} ({URL}, {LICENSE}), imported by `codeeff import kernelbench`."
    )
    return converting(name, source_id, lambda: _convert(text, source_id, name, header, level_name))


def _state_names(text: str, published_args: tuple, count: int) -> tuple[list[str], list[str]]:
    """The state_dict names of the parameters and buffers (in argument order), and what
    each is."""
    namespace = load_source(text, {}, SHRINK_FUNCTIONS)
    with torch.device("meta"):
        model = namespace["Model"](*namespace["get_init_inputs"]())
    parameters, buffers = list(dict(model.named_parameters())), list(dict(model.named_buffers()))
    if len(parameters) + len(buffers) != len(published_args) - count:
        raise NotConvertible("source fails", "the Model's parameters do not match its state")
    return parameters + buffers, ["parameter"] * len(parameters) + ["buffer"] * len(buffers)


def _shrink_of(params: dict) -> dict:
    return {key: params[key] for key in ("shrink", "floor") if key in params}


def _published(text: str, source_id: str, generator) -> tuple[int, tuple]:
    """(number of forward inputs, the published level's arguments on the meta device)."""
    try:
        namespace = load_source(text, {}, SHRINK_FUNCTIONS)
    except Exception as error:
        raise NotConvertible("source fails", f"{type(error).__name__}: {error}") from None
    for required in ("Model", "get_inputs", "get_init_inputs"):
        if required not in namespace:
            raise NotConvertible("source fails", f"the file defines no {required}")
    try:
        with torch.device("meta"):
            count = len(namespace["get_inputs"]())
        args, _ = run_meta(generator, _nothing, {})
    except Exception as error:  # a draw that reads its own values (.item()), or a bug
        raise meta_failure(error) from None
    return count, args


def _nothing(*args) -> None:
    return None


def _convert(text: str, source_id: str, name: str, header: str, level_name: str) -> ImportedProblem:
    generator = exec_module(generator_py(header, text, []), f"kb_gen_{name}")
    forward_inputs, published_args = _published(text, source_id, generator)
    state, kinds = _state_names(text, published_args, forward_inputs)
    # The search's reference knows each size it is asked to run (call_module in process).
    known: list = [({}, signature(published_args))]

    def reference_for(params: dict):
        args, _ = run_meta(generator, _nothing, params)
        known.append((_shrink_of(params), signature(args)))
        return lambda *args: call_module(text, known, state, args)

    small = small_params(generator, reference_for, {})
    levels = [(_shrink_of(small), signature(run_meta(generator, _nothing, small)[0])), known[0]]
    if levels[0][0] and levels[0][1] == levels[1][1]:
        raise NotConvertible("no small level", "the shrunk sizes are the published ones")
    reference = exec_module(reference_py(header, text, levels, state, False), f"kb_ref_{name}")
    found = examine(generator, reference.reference, small, [{}],
                    lambda args: list(range(forward_inputs)))  # fmt: skip
    outputs = found.published_outputs[0]
    published_bytes = nbytes(published_args) + sum(arg.nbytes() for arg in outputs)
    if published_bytes > MAX_PUBLISHED_BYTES:
        need, cap = published_bytes / 1e9, MAX_PUBLISHED_BYTES / 1e9
        raise NotConvertible(
            "too large",
            f"the published sizes need {need:.1f} GB of inputs and outputs (cap {cap:.1f})",
        )
    specs = [LevelSpec("small", 0, 3, {**small, **_dtype(found.dtypes)}),
             LevelSpec("published", 1, 2, _dtype(found.dtypes))]  # fmt: skip
    taken: set[str] = set()
    arguments = forward_names(text, forward_inputs)
    names = [identifier(arg, taken) for arg in arguments] + [
        identifier(key, taken) for key in state
    ]
    notes = [f"the forward input `{arg}`" for arg in arguments]
    notes += [f"the Model's {kind} `{key}`" for key, kind in zip(state, kinds, strict=True)]
    summary = (
        f"KernelBench {source_id}, as a function: return what Model(*get_init_inputs())"
        "(*inputs) returns for the published code below, the Model freshly built and in "
        "training mode, as KernelBench runs it (batch norm uses the batch's statistics), "
        "with its parameters and buffers passed in after the forward inputs (buffers are "
        "read-only: running statistics need not be updated)."
    )
    prompt = prompt_py(PromptSpec(summary, text, names, notes, [
        ("small (level 0)", found.small_args, found.outputs),
        ("published", found.published[0], outputs or found.outputs),
    ]))  # fmt: skip
    published = Published("KernelBench", source_id, URL, LICENSE, ("kernelbench", level_name))
    files = {"prompt.py": prompt, "generator.py": generator_py(header, text, found.centred),
             "reference.py": reference_py(header, text, levels, state, found.flops)}  # fmt: skip
    return imported_problem(name, published, found, specs, files)


def _dtype(dtypes: list[str]) -> dict:
    return {"dtype": dtypes[0]} if dtypes else {}


def network_record(level_name: str, number: int, path: Path) -> ImportedProblem:
    name = task_name(level_name, number, FILE_NAME.fullmatch(path.name).group(2))
    why = "needs the network: it loads a Hugging Face model (from_pretrained) when run"
    return ImportedProblem(name, error=f"{level_name}/{path.name}: {why}")


def problems(source_path: Path, include_excluded: bool = False) -> Iterator[ImportedProblem]:
    """Every problem file of levels 1 and 2 (and 3 with `include_excluded`) as a problem or
    the reason it is not one; level 4's files, each with its reason."""
    folder = Path(source_path)
    if not all((folder / name).is_dir() for name in LEVELS):
        raise FileNotFoundError(
            f"{folder}: expected KernelBench's problem folder (with {', '.join(LEVELS)}); "
            "give --from <checkout>/KernelBench"
        )
    chosen: Iterable[str] = LEVELS + (EXCLUDED_LEVELS if include_excluded else ())
    for level_name in chosen:
        for number, path in source_files(folder, level_name):
            yield convert(path, level_name, number)
    for level_name in NETWORK_LEVELS:
        for number, path in source_files(folder, level_name):
            yield network_record(level_name, number, path)
