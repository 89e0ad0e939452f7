"""`codeeff problems validate` for Triton problems: sound before anyone is scored on them.

Checks, each named in the report (the same ProblemReport as CPU problems):
- `format`: a tolerance for every dtype a level uses; reference.py defines
  `reference` and `bytes_moved` (needed for % of peak bandwidth; `flops` optional);
- `deterministic`: one seed gives bit-identical inputs twice (level 0 and the random
  level, on CPU);
- `zeros_fail`: an all-zero answer is outside the tolerance on every checked case, so
  a kernel that writes nothing cannot pass;
- `expert_passes`: the expert, run by the real runner as if it were a candidate, is
  correct (every level on a GPU, level 0 in the CPU interpreter) and, on a GPU, its
  time per stress level is reported with its speedup over PyTorch eager and the
  fraction of the device's peak it reaches. Timed at validation grade
  (`VALIDATION_TIMING`: a few rounds per level), not at a scoring run's precision:
  the point is that the expert is right and where it stands, and 40 tasks then take
  minutes of GPU time, not an hour.
- `gpu_compiles` (CPU only): every kernel launch the expert makes, on level 0 and on
  each stress level, compiles for a real GPU (sm_90, `compile_check`): the interpreter
  accepts code the GPU compiler refuses.

An imported task whose source publishes no kernel (`[source] expert = "eager"`, as
KernelBench and TritonBench-T) has no expert to run as a candidate: instead
`eager_runs` runs the eager reference on every level (on a GPU, case 0 of each, timed
with CUDA events; on CPU level 0 ran in `zeros_fail` already), so a level too large
for the device or a reference that fails on it is found before anyone is scored.
"""

from __future__ import annotations

import random

from codeeff.gpu.compare import compare_outputs
from codeeff.problems import Problem, load_module
from codeeff.validate import ProblemReport

CHECKED_CASES = 3
VALIDATION_TIMING = {"max_rounds": 10, "max_level_seconds": 2.0}
EAGER_CALLS = 5  # timed calls of an imported task's eager reference per level (GPU)


def _tensors(value) -> list:
    import torch

    if isinstance(value, torch.Tensor):
        return [value]
    if isinstance(value, (tuple, list)):
        return [t for item in value for t in _tensors(item)]
    return []


def _same(a, b) -> bool:
    import torch

    left, right = _tensors(a), _tensors(b)
    return len(left) == len(right) and all(
        x.dtype == y.dtype and x.shape == y.shape and torch.equal(x.view(-1), y.view(-1))
        for x, y in zip(left, right, strict=True)
    )


def _zeros_like(output):
    import torch

    if isinstance(output, torch.Tensor):
        return torch.zeros_like(output)
    return type(output)(_zeros_like(item) for item in output)


def check_format(problem: Problem, report: ProblemReport) -> None:
    report.checks["format"] = True
    dtypes = {level.params.get("dtype") for level in problem.levels} - {None}
    dtypes.add(problem.validation.random_params.get("dtype"))
    missing = sorted(d for d in dtypes - set(problem.tolerances) if d)
    if missing:
        report.fail("format", f"no [tolerances] entry for {', '.join(missing)}")
    reference = load_module(problem.folder / "reference.py", f"codeeff_vref_{problem.task_id}")
    for name in ("reference", "bytes_moved"):
        if not callable(getattr(reference, name, None)):
            report.fail("format", f"reference.py defines no {name}()")


def check_inputs(problem: Problem, report: ProblemReport) -> None:
    """Determinism of the generator and the zero-answer check, on CPU."""
    from codeeff.gpu.output_wire import encode_output

    generator = load_module(problem.folder / "generator.py", f"codeeff_vgen_{problem.task_id}")
    reference = load_module(problem.folder / "reference.py", f"codeeff_vref_{problem.task_id}")
    report.checks["deterministic"] = report.checks["zeros_fail"] = True
    for level in [problem.levels[0], problem.random_level()]:
        for case in range(min(level.cases, CHECKED_CASES)):
            where = f"level {level.name} case {case}"
            first = generator.generate(level, case, random.Random(case), "cpu")
            if not _same(first, generator.generate(level, case, random.Random(case), "cpu")):
                report.fail("deterministic", f"{where}: two generations with one seed differ")
                return
            output = reference.reference(*first)
            ok, _ = compare_outputs(*encode_output(_zeros_like(output)), *encode_output(output),
                                    problem.tolerances)  # fmt: skip
            if ok:
                report.fail("zeros_fail", f"{where}: an all-zero answer is within tolerance")
                return


def check_expert(problem: Problem, report: ProblemReport) -> None:
    from codeeff.gpu.runner import GpuConfig, gpu_available, measure_triton
    from codeeff.gpu.scoring import score_triton

    record = measure_triton(problem, problem.expert.source, GpuConfig(**VALIDATION_TIMING))
    report.checks["expert_passes"] = record["passed"]
    if not record["passed"]:
        report.fail("expert_passes", f"{record['verdict']}: {record['error'][:500]}")
        return
    if record["timing"] != "measured":
        report.note = record["timing"]
    scored = score_triton("expert", record)
    for level in scored["levels"]:
        report.expert_ms[level["name"]] = level["expert_ms"]
        peak = level["expert_peak"]
        report.levels.append({
            "name": level["name"], "expert_ms": level["expert_ms"], "eager_ms": level["eager_ms"],
            "speedup_eager": level["eager_ms"] / level["expert_ms"] if level["expert_ms"] else None,
            "bandwidth": peak["bandwidth"], "flops": peak["flops"],
            "power_capped": level["power_capped"],
        })  # fmt: skip
    if not gpu_available():
        check_gpu_compile(problem, report)
    if scored["levels"]:
        report.slowest_tier = "eager"  # the baseline a Triton task is compared with
        report.slowest_ratio = scored["speedup_eager"]


def check_gpu_compile(problem: Problem, report: ProblemReport) -> None:
    """Without a GPU: the expert's kernels compile for one (see compile_check)."""
    from codeeff.gpu.compile_check import check_solution

    errors = check_solution(problem, problem.expert.path)
    report.checks["gpu_compiles"] = not errors
    if errors:
        report.fail("gpu_compiles", "; ".join(dict.fromkeys(errors))[:1500])


def eager_expert(problem: Problem) -> bool:
    """True for an imported task whose source publishes no kernel: its expert file holds
    the eager reference, so no speedup over an expert exists."""
    return problem.source.get("expert") == "eager"


def check_eager_levels(problem: Problem, report: ProblemReport) -> None:
    """The eager reference runs on every level of the device (timed on a GPU)."""
    import torch

    from codeeff.gpu.runner import gpu_available

    report.checks["eager_runs"] = True
    if not gpu_available():
        report.note = "no Triton expert (the source publishes none); not timed: no GPU here"
        return
    generator = load_module(problem.folder / "generator.py", f"codeeff_vgen_{problem.task_id}")
    reference = load_module(problem.folder / "reference.py", f"codeeff_vref_{problem.task_id}")
    for level in problem.levels[1:]:
        inputs = generator.generate(level, 0, random.Random(level.index), "cuda")
        reference.reference(*inputs)  # warm-up (and the check that it runs)
        start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        start.record()
        for _ in range(EAGER_CALLS):
            reference.reference(*inputs)
        end.record()
        torch.cuda.synchronize()
        report.expert_ms[level.name] = round(start.elapsed_time(end) / EAGER_CALLS, 4)
        del inputs
    report.note = "no Triton expert (the source publishes none): the times are eager's"


def validate_triton_problem(problem: Problem) -> ProblemReport:
    """Run every check on one Triton problem; never raises for a broken problem."""
    report = ProblemReport(problem.task_id)
    last = check_eager_levels if eager_expert(problem) else check_expert
    for step in (check_format, check_inputs, last):
        try:
            step(problem, report)
        except Exception as error:  # a broken generator or reference is a finding
            report.fail("load", f"{type(error).__name__}: {error}")
        if report.failures:
            break
    return report
