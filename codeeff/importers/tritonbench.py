"""`codeeff import tritonbench`: TritonBench's operators (Li et al., "TritonBench:
benchmarking large language model capabilities for generating Triton operators",
Apache-2.0) as Triton problems.

Reads a TritonBench checkout (the folder holding data/ and performance_metrics/).
TritonBench-T (166 PyTorch-aligned operators, imported by default): each task file
`data/TritonBench_T_v1/<task>.py` holds a PyTorch reference function above a line of
`#`s (its tests below it), and its golden performance harness
`performance_metrics/perf_T/golden_metrics/<task>_perf.py` draws a sweep of input sizes
(`get_input_tensors()`, one item per size) and calls the operator (`call_op(item)`).
Each task becomes a problem asking for `solution(*item)` (the item's tensors and values,
in order):
- generator.py runs the harness's own code (embedded, with a stand-in for its
  unpublished `performance_utils` base class) to draw the level's item of the sweep, with
  PyTorch's RNG seeded from the case's rng just before that item is drawn (the items
  before it are skipped, not drawn); its `.cuda()` calls mean the case's device;
- reference.py is the harness's `call_op` on those inputs, in eager PyTorch;
- level 0 ("small", 3 cases) is the sweep's first item, its size literals divided as
  much as needed for Triton's CPU interpreter (torch_sources); the stress levels are the
  largest item whose inputs and outputs fit in MAX_STRESS_BYTES ("large") and one
  halfway to it ("medium"), 2 cases each;
- tolerances per output dtype: float32 atol = rtol = 1e-2 (as KernelBench's check: it
  admits a tl.dot in TF32, Triton's default for float32, and any summation order);
  float16 1e-2 (a few ulps: eager rounds every intermediate to float16, a fused kernel
  need not); bfloat16 2e-2 (one ulp is 0.8%); float64 1e-6; integers and booleans exactly;
- the expert is the eager reference (`[source] expert = "eager"`): TritonBench-T
  publishes no kernel.

TritonBench-G (184 tasks of Triton code crawled from GitHub, `include_excluded`) is not
converted: its reference is Triton code behind wrappers of arbitrary signatures, with no
PyTorch reference to check a solution against; each record says so.
"""

from __future__ import annotations

import ast
import contextlib
import random
import re
from collections.abc import Iterator
from pathlib import Path

import torch

from codeeff.importers.records import ImportedProblem
from codeeff.importers.torch_sources import (
    LevelSpec,
    NotConvertible,
    OnDevice,
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
    prompt_py,
    reference_tail,
    run_meta,
    seeded,
    small_params,
    stress_bytes,
)  # fmt: skip

NAME = "tritonbench"
LICENSE = "Apache-2.0"
URL = "https://github.com/thunlp/TritonBench"
T_TASKS = Path("data") / "TritonBench_T_v1"
T_HARNESS = Path("performance_metrics") / "perf_T" / "golden_metrics"
G_TASKS = Path("data") / "TritonBench_G_v1"
SHRINK_FUNCTIONS = ("get_input_tensors",)
MAX_STRESS_BYTES = 8 << 30  # inputs and outputs of a stress level
SEPARATOR = re.compile(r"^#{20,}\s*$", re.MULTILINE)
SKIP_HOOK = "_codeeff_skip"
# The harness's base class is not published; what its subclasses use of it.
HARNESS_BASE = '''

class Performance_Metrics:
    """Stand-in for TritonBench's unpublished performance_utils.Performance_Metrics
    (written by codeeff): the attributes the harness's get_input_tensors, to_cuda and
    call_op read."""

    def __init__(self, op_name, dtype=None, is_backward=False, **kwargs):
        self.op_name = op_name
        self.dtype = dtype
        self.is_backward = is_backward
        self.kwargs = kwargs
        self.input_tensors = []


def do_bench_config(*args, **kwargs):
    return None

'''


# --- run-time code (copied into the generated files) -----------------------------------


def draw_item(source: str, level, rng: random.Random, device: str) -> tuple:
    """Item `level.params["index"]` of the harness's size sweep, moved by its to_cuda(),
    as the argument tuple; PyTorch's RNG is seeded from `rng` as that item is drawn."""
    namespace = load_source(source, level.params, SHRINK_FUNCTIONS)
    wanted, seed = level.params["index"], rng.getrandbits(63)
    on_gpu = torch.device(device).type == "cuda"

    def pick():
        count = [-1]

        def skip() -> bool:  # called first in every turn of the sweep's loop
            count[0] += 1
            if count[0] != wanted:
                return True
            torch.random.default_generator.manual_seed(seed)
            if on_gpu:
                torch.cuda.manual_seed(seed)
            return False

        namespace["_codeeff_skip"] = skip
        harness = namespace["performance_metrics"]()
        harness.get_input_tensors()
        if len(harness.input_tensors) != 1:
            raise ValueError(f"the sweep has no item {wanted}")
        with contextlib.nullcontext() if on_gpu else OnDevice(device):
            return harness.to_cuda(harness.input_tensors[0])

    item = seeded(rng, device, pick)
    return tuple(item) if isinstance(item, (tuple, list)) else (item,)


def call_item(source: str, packed: bool, args: tuple):
    """The harness's call_op on the arguments (as the item it drew: a tuple, or one
    tensor), in eager PyTorch without autograd."""
    namespace = load_source(source, {}, SHRINK_FUNCTIONS)
    harness = namespace["performance_metrics"]()
    device = next((a.device for a in args if isinstance(a, torch.Tensor)), torch.device("cpu"))
    mode = contextlib.nullcontext() if device.type == "cuda" else OnDevice(device)
    with torch.no_grad(), mode:
        return harness.call_op(tuple(args) if packed else args[0])


# --- conversion -----------------------------------------------------------------------


def reference_code(task_text: str) -> str:
    """The task file's reference code: what lies above its first line of `#`s."""
    match = SEPARATOR.search(task_text)
    if not match:
        raise NotConvertible("source fails", "the task file has no line of #s above its tests")
    return task_text[: match.start()].rstrip() + "\n"


def harness_code(text: str) -> str:
    """The perf harness as run here: without its path setup, its imports of the task and
    of performance_utils (defined beside it instead) and its __main__ block; with a call
    of the skip hook first in the loop that appends the sweep's items, so that one item
    can be drawn alone (draw_item)."""
    tree = ast.parse(text)
    lines = text.splitlines()
    dropped: set[int] = set()
    for node in tree.body:
        names = ast.unparse(node)
        if (
            isinstance(node, ast.ImportFrom)
            and (node.module or "").startswith(("TorchBench_v1", "performance_utils"))
            or isinstance(node, ast.Expr)
            and "sys.path" in names
            or isinstance(node, ast.If)
            and "__main__" in names
        ):
            dropped.update(range(node.lineno - 1, node.end_lineno))
    aliases = [
        f"{alias.asname} = {alias.name}"
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("TorchBench_v1")
        for alias in node.names
        if alias.asname
    ]
    loop = _sweep_loop(tree)
    first = loop.body[0]
    if first.lineno == loop.lineno:
        raise NotConvertible("source fails", "the sweep's loop body is on its `for` line")
    indent = " " * first.col_offset
    kept = []
    for number, line in enumerate(lines):
        if number == first.lineno - 1:
            kept.append(f"{indent}if {SKIP_HOOK}():  # codeeff: draw one item of the sweep")
            kept.append(f"{indent}    continue")
        if number not in dropped:
            kept.append(line)
    return HARNESS_BASE + "\n".join(aliases + kept) + "\n"


def _sweep_loop(tree: ast.Module) -> ast.For:
    """The innermost `for` loop of get_input_tensors that appends to input_tensors."""
    method = next((node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)
                   and node.name == "get_input_tensors"), None)  # fmt: skip
    if method is None:
        raise NotConvertible("source fails", "the harness has no get_input_tensors()")
    found = None
    for node in ast.walk(method):
        if isinstance(node, ast.For) and any(
            isinstance(call, ast.Call) and ast.unparse(call.func).endswith("input_tensors.append")
            for call in ast.walk(node)
        ):
            found = node  # ast.walk goes outside in: the last one is the innermost
    if found is None:
        raise NotConvertible("source fails", "get_input_tensors() appends no items in a loop")
    return found


def sweep_length(source: str) -> int:
    """How many items the harness's sweep has (its loop turns, none of them drawn)."""
    namespace = load_source(source, {}, SHRINK_FUNCTIONS)
    count = [0]

    def skip() -> bool:
        count[0] += 1
        return True

    namespace[SKIP_HOOK] = skip
    namespace["performance_metrics"]().get_input_tensors()
    return count[0]


def argument_names(text: str, count: int, packed: bool) -> list[str]:
    """The names call_op gives the item's parts (`a, b = item`), or its own parameter's."""
    tree = ast.parse(text)
    method = next((node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)
                   and node.name == "call_op"), None)  # fmt: skip
    if method is not None and len(method.args.args) == 2:
        parameter = method.args.args[1].arg
        if not packed:
            return [parameter]
        for node in method.body:
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Name)
                and node.value.id == parameter
                and isinstance(node.targets[0], ast.Tuple)
                and len(node.targets[0].elts) == count
                and all(isinstance(elt, ast.Name) for elt in node.targets[0].elts)
            ):
                return [elt.id for elt in node.targets[0].elts]
    return [f"arg{index}" for index in range(count)]


def call_op_text(text: str) -> str:
    tree = ast.parse(text)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "call_op":
            segment = ast.get_source_segment(text, node, padded=True) or ""
            return "\n".join(line[node.col_offset :] for line in segment.splitlines())
    return ""


def generator_py(header: str, source: str, centred_inputs: list[int]) -> str:
    doc = (f"{header}\n\nInputs: one item of the golden perf harness's size sweep (level "
           "params `index`), drawn\nwith PyTorch's RNG seeded from the case's rng.")  # fmt: skip
    return generator_text(doc, source, SHRINK_FUNCTIONS, centred_inputs, draw_item)


def reference_py(header: str, source: str, packed: bool, flops: bool) -> str:
    doc = f"{header}\n\nThe eager reference: the harness's call_op on the arguments."
    constants = {"SOURCE": (source, ""), "SHRINK_FUNCTIONS": (SHRINK_FUNCTIONS, ""),
                 "PACKED": (packed, "call_op takes the arguments as one tuple")}  # fmt: skip
    return module_text(doc, constants, (call_item,),
                       reference_tail("call_item(SOURCE, PACKED, args)", flops))  # fmt: skip


def stress_levels(generator, reference, count: int) -> list[tuple[str, int]]:
    """(name, sweep index) of the stress levels: the largest item within MAX_STRESS_BYTES
    and one halfway to it."""
    largest = None
    for index in reversed(range(count)):
        try:
            size = stress_bytes(generator, reference, {"index": index})
        except Exception:  # the meta device cannot draw this item: not a level
            continue
        if size <= MAX_STRESS_BYTES:
            largest = index
            break
    if largest is None:
        raise NotConvertible(
            "too large", f"no item of the sweep fits in {MAX_STRESS_BYTES >> 30} GiB"
        )
    if largest == 0:
        return [("large", 0)]
    return [("medium", largest // 2), ("large", largest)]


def convert(task: str, root: Path) -> ImportedProblem:
    source_id = f"{T_TASKS.name}/{task}.py"
    name = re.sub(r"[^a-z0-9]+", "_", task.lower()).strip("_")
    return converting(name, source_id, lambda: _convert(task, root, source_id, name))


def _convert(task: str, root: Path, source_id: str, name: str) -> ImportedProblem:
    harness_path = root / T_HARNESS / f"{task}_perf.py"
    if not harness_path.is_file():
        raise NotConvertible("no perf harness", f"{harness_path.name} is missing")
    code = reference_code((root / T_TASKS / f"{task}.py").read_text(encoding="utf-8"))
    harness_text = harness_path.read_text(encoding="utf-8")
    if "autocast" in code + call_op_text(harness_text):
        raise NotConvertible("device-dependent dtype", "torch.autocast: the output's dtype on a "
                             "GPU is not the one on the CPU, where level 0 runs")  # fmt: skip
    source = code + harness_code(harness_text)
    header = f"TritonBench-T {task} ({URL}, {LICENSE}), imported by `codeeff import tritonbench`."
    generator = exec_module(generator_py(header, source, []), f"tb_gen_{name}")
    count = sweep_length(source)
    if count == 0:
        raise NotConvertible("source fails", "the harness's sweep is empty")
    try:
        first, _ = run_meta(generator, lambda *args: None, {"index": 0})
    except Exception as error:  # a draw that reads its own values (.item()), or a bug
        raise meta_failure(error) from None
    if any(not isinstance(value, (torch.Tensor, int, float, bool, str, tuple, type(None)))
           for value in first):  # fmt: skip
        kinds = sorted({type(value).__name__ for value in first})
        raise NotConvertible("input is not tensors or values", f"the harness passes {kinds}")
    packed = not (len(first) == 1 and isinstance(first[0], torch.Tensor))
    reference = exec_module(reference_py(header, source, packed, False), f"tb_ref_{name}")
    small = small_params(generator, lambda params: reference.reference, {"index": 0})
    stress = stress_levels(generator, reference.reference, count)
    found = examine(generator, reference.reference, small,
                    [{"index": index} for _, index in stress],
                    lambda args: list(range(len(args))))  # fmt: skip
    dtype = {"dtype": found.dtypes[0]} if found.dtypes else {}
    specs = [LevelSpec("small", 0, 3, {**small, **dtype})]
    specs += [LevelSpec(title, 1, 2, {"index": index, **dtype}) for title, index in stress]
    taken: set[str] = set()
    names = [identifier(arg, taken) for arg in argument_names(harness_text, len(first), packed)]
    notes = [f"item {position} of the harness's call_op input" if packed else "call_op's input"
             for position in range(len(first))]  # fmt: skip
    summary = (
        f"TritonBench-T {task}, as a function: return what the golden perf harness's call_op "
        "returns for the arguments (below: TritonBench's PyTorch reference, then call_op)."
    )
    call_op = call_op_text(harness_text)
    prompt = prompt_py(PromptSpec(summary, f"{code}\n\n# the harness:\n{call_op}", names, notes, [
        ("small (level 0)", found.small_args, found.outputs),
        *[(title, args, outputs or found.outputs) for (title, _), args, outputs
          in zip(stress, found.published, found.published_outputs, strict=True)],
    ]))  # fmt: skip
    published = Published(
        "TritonBench-T", source_id, URL, LICENSE, ("tritonbench", "tritonbench-t")
    )
    files = {"prompt.py": prompt, "generator.py": generator_py(header, source, found.centred),
             "reference.py": reference_py(header, source, packed, found.flops)}  # fmt: skip
    return imported_problem(name, published, found, specs, files)


def g_record(path: Path) -> ImportedProblem:
    name = "g_" + re.sub(r"[^a-z0-9]+", "_", path.stem.lower()).strip("_")
    return ImportedProblem(name, error=(
        f"{G_TASKS.name}/{path.name}: TritonBench-G is not converted: its reference is Triton "
        "code behind wrappers of its own signatures, with no PyTorch reference to check a "
        "solution against"))  # fmt: skip


def problems(source_path: Path, include_excluded: bool = False) -> Iterator[ImportedProblem]:
    """Every TritonBench-T task as a problem, or the reason it is not one; with
    `include_excluded`, TritonBench-G's tasks too (each with its reason)."""
    root = Path(source_path)
    if not (root / T_TASKS).is_dir() or not (root / T_HARNESS).is_dir():
        raise FileNotFoundError(f"{root}: expected a TritonBench checkout (with {T_TASKS} and "
                                f"{T_HARNESS})")  # fmt: skip
    for path in sorted((root / T_TASKS).glob("*.py"), key=lambda p: p.name.lower()):
        yield convert(path.stem, root)
    if include_excluded and (root / G_TASKS).is_dir():
        for path in sorted((root / G_TASKS).glob("*.py"), key=lambda p: p.name.lower()):
            yield g_record(path)
