"""Command-line front: argparse; each subcommand calls one library function."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path


def cmd_doctor(args: argparse.Namespace) -> int:
    """Start one sandbox and print which isolation guarantees this host gives."""
    from codeeff.evaluate import open_probe_sandbox
    from codeeff.sandbox import backends
    from codeeff.sandbox.base import SandboxError
    from codeeff.sandbox.local import find_bwrap

    # Opened as every measured sandbox is (pinned), so guarantees are reported as they hold.
    try:
        backend = backends.get(args.backend)
        sandbox = open_probe_sandbox(backend)
    except SandboxError as error:
        print(f"codeeff doctor: the {args.backend} sandbox cannot start here: {error}",
              file=sys.stderr)  # fmt: skip
        return 1
    with sandbox:
        sandbox.add_input(0, ())
        result = sandbox.run(0, 1.0, 5.0)
        report = {
            "backend": args.backend,
            "bwrap": find_bwrap() if args.backend == "local" else "bubblewrap of the image",
            **(
                {"image": backend.image, "container_start_s": backend.start_s}
                if args.backend == "docker"
                else {}
            ),
            "guarantees": sandbox.guarantees.as_dict(),
            "missing": sandbox.guarantees.missing(),
            "preloaded_modules": sandbox.preloaded,
            "smoke_run": {"verdict": result.verdict.value, "cpu_s": result.cpu_s},
        }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for key, value in report.items():
            print(f"{key}: {value}")
    return 0 if result.verdict.value == "OK" and not report["missing"] else 1


def _print_table(headers: list[str], rows: list[list[str]]) -> None:
    from codeeff.report import render_table

    print(render_table(headers, rows))


def _problem_summary(problem) -> dict:
    return {
        "task_id": problem.task_id,
        "title": problem.title,
        "kind": problem.kind,
        "entry_point": problem.entry_point,
        "difficulty": problem.difficulty,
        "tags": problem.tags,
        "limits": {"memory_mb": problem.limits.memory_mb, "alpha": problem.limits.alpha},
        "levels": [
            {"name": lv.name, "weight": lv.weight, "cases": lv.cases, "params": lv.params}
            for lv in problem.levels
        ],
        "tiers": [tier.name for tier in problem.tiers],
        "source": problem.source,
    }


def _suites(args: argparse.Namespace) -> list[str]:
    from codeeff.problems import list_suites

    return [args.suite] if args.suite else list_suites()


def cmd_problems_list(args: argparse.Namespace) -> int:
    from codeeff.problems import load_suite

    problems = [p for suite in _suites(args) for p in load_suite(suite)]
    if args.json:
        print(json.dumps([_problem_summary(p) for p in problems], indent=2))
        return 0
    rows = [
        [p.task_id, p.kind, _source_name(p), p.difficulty, ",".join(p.tags),
         " ".join(lv.name for lv in p.levels)]
        for p in problems
    ]  # fmt: skip
    _print_table(["task", "kind", "source", "difficulty", "tags", "levels"], rows)
    counts: dict[tuple[str, str], list] = {}
    for p in problems:
        counts.setdefault((p.suite, _source_name(p)), []).append(p)
    for (suite, source), members in counts.items():
        fixed = sum(p.source.get("fixed_inputs", "none") != "none" for p in members)
        licence = members[0].source.get("license", "")
        extra = f", {licence}" if licence else ""
        extra += f", {fixed} with inputs fixed as published" if fixed else ""
        print(f"suite {suite}: {len(members)} problems ({source}{extra})")
    print(f"{len(problems)} problems")
    return 0


def _source_name(problem) -> str:
    return problem.source.get("name", "codeeff")


def cmd_problems_show(args: argparse.Namespace) -> int:
    from codeeff.problems import load_task

    problem = load_task(args.task)
    summary = _problem_summary(problem)
    summary.pop("tiers")  # names only, but nothing of the references belongs here
    if args.json:
        print(json.dumps(dict(summary, prompt=problem.prompt), indent=2))
        return 0
    print(f"{problem.task_id}: {problem.title}")
    entry = problem.entry_point or "none (a whole program: stdin to stdout)"
    print(f"kind: {problem.kind}   entry point: {entry}   "
          f"difficulty: {problem.difficulty}   tags: {', '.join(problem.tags)}")  # fmt: skip
    if problem.source:
        origin = problem.source
        where = f"{origin.get('name', '?')} {origin.get('id', '')} ({origin.get('url', '')})"
        print(f"source: {where}, licence {origin.get('license', 'not stated')}; inputs fixed "
              f"as published: {origin.get('fixed_inputs', 'none')}")  # fmt: skip
    print(f"limits: memory {problem.limits.memory_mb} MB, time alpha x expert "
          f"(alpha = {problem.limits.alpha:g})")  # fmt: skip
    print("levels:")
    for level in problem.levels:
        role = "correctness" if level.index == 0 else f"weight {level.weight:g}"
        print(f"  {level.index}. {level.name}: {level.cases} cases, {role}, params {level.params}")
    print("prompt:")
    print(problem.prompt)
    return 0


def _peak(report) -> str:
    """The expert's share of the device's peak on the top stress level (kinds timed on a
    GPU): bandwidth, and FLOP rate where the task counts FLOPs; '-' where not measured."""
    if not report.levels:
        return "-"
    top = report.levels[-1]
    shares = [f"{top[key]:.0%} {label}" for key, label in (("bandwidth", "BW"), ("flops", "FLOP"))
              if top.get(key)]  # fmt: skip
    capped = " (power-capped)" if top.get("power_capped") else ""
    return (", ".join(shares) or "-") + capped


def cmd_problems_validate(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from codeeff import kinds
    from codeeff.problems import load_suite, load_task

    problems = (
        [load_task(t) for t in args.task]
        if args.task
        else [p for s in _suites(args) for p in load_suite(s)]
    )
    reports = []
    for problem in tqdm(problems, desc="validating", unit="problem", disable=args.json):
        reports.append(kinds.get(problem.kind).validate(problem))
        if args.jsonl:  # each report as it comes: a long GPU run cut short keeps the rest
            with open(args.jsonl, "a", encoding="utf-8") as handle:
                handle.write(json.dumps(reports[-1].as_dict()) + "\n")
    failed = [r for r in reports if not r.ok]
    if args.json:
        print(json.dumps([r.as_dict() for r in reports], indent=2))
    else:
        rows = []
        for r in reports:
            ratio = (
                "-"
                if r.slowest_ratio is None
                else (f"{'>=' if r.slowest_ratio_is_lower_bound else ''}{r.slowest_ratio:g}x")
            )
            expert = " ".join(f"{v:.3g}" for v in r.expert_ms.values()) or "-"
            baseline = "not measured" if r.note else "-"
            if r.slowest_tier:
                baseline = f"{ratio} ({r.slowest_tier})"
            rows.append([r.task_id, "ok" if r.ok else "FAIL", expert, baseline, _peak(r)])
        _print_table(["task", "status", "expert ms per stress level",
                      "baseline/expert (baseline)", "top level: % of peak"], rows)  # fmt: skip
        for r in failed:
            for failure in r.failures:
                print(f"FAIL {r.task_id}: {failure}")
        for note in sorted({r.note for r in reports if r.note}):
            print(f"note: {note}")
        for r in reports:
            for warning in r.warnings:
                print(f"warning {r.task_id}: {warning}")
        print(f"{len(reports) - len(failed)}/{len(reports)} problems valid")
    return 1 if failed or not reports else 0


def cmd_references(args: argparse.Namespace) -> int:
    from codeeff.problems import load_suite

    written, missing = 0, []
    with open(args.output, "w", encoding="utf-8") as handle:
        for problem in load_suite(args.suite):
            if args.tier == "slowest":
                tier = problem.tiers[0]
            elif args.tier in [t.name for t in problem.tiers]:
                tier = problem.tier(args.tier)
            else:
                missing.append(problem.task_id)
                continue
            sample = {"task_id": problem.task_id, "solution": tier.source, "tier": tier.name}
            handle.write(json.dumps(sample) + "\n")
            written += 1
    if missing:
        print(f"warning: no tier {args.tier!r} in: {', '.join(missing)}", file=sys.stderr)
    print(f"wrote {written} samples to {args.output}", file=sys.stderr)
    return 0 if written else 1


def cmd_import(args: argparse.Namespace) -> int:
    """Convert a published benchmark into a suite of problem folders and validate them."""
    from tqdm import tqdm

    from codeeff.importers import default_import_root
    from codeeff.importers.suite import import_suite

    root = Path(args.root) if args.root else default_import_root()
    summary = import_suite(
        args.source, Path(args.from_path), root, args.suite, include_excluded=args.all,
        validate=not args.no_validate,
        progress=lambda items, what: tqdm(items, desc=what, unit="problem", disable=args.quiet),
    )  # fmt: skip
    for record, why in summary.not_imported.items():
        print(f"not imported: {record}: {why}")
    for task_id, why in summary.invalid.items():
        print(f"does not validate: {task_id}: {why}")
    for task_id, why in summary.dropped_tiers.items():
        print(f"tier left out of {task_id} (wrong on its own tests): {why}")
    if summary.fixed_inputs:
        fixed = ", ".join(f"{task} ({which})" for task, which in summary.fixed_inputs.items())
        print(f"inputs fixed as published (a sample could carry their answers): {fixed}")
    validated = f"; {len(summary.valid)} validate" if summary.validated else " (not validated)"
    print(f"imported {len(summary.imported)} of {summary.records} records into "
          f"{root / 'problems' / summary.suite}{validated}")  # fmt: skip
    if summary.imported:
        print(f"use them with --suite {summary.suite} --root {root} (or CODEEFF_ROOT={root})")
    return 0 if summary.imported else 1


def _parse_ks(text: str) -> list[int]:
    try:
        ks = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"--k must look like 1,10 (got {text!r})") from None
    if not ks or ks[0] < 1:
        raise argparse.ArgumentTypeError("--k values must be >= 1")
    return ks


def cmd_evaluate(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from codeeff.evaluate import EvaluateConfig, SamplesError, evaluate
    from codeeff.executors.ray_cluster import RayExecutorError
    from codeeff.report import render, summarize_stored_run
    from codeeff.sandbox.base import SandboxError
    from codeeff.store import Store

    config = EvaluateConfig(
        suite=args.suite, alpha=args.alpha, measure_tiers=not args.no_tiers,
        repetition=str(time.time()) if args.new_run else "",
        generation=getattr(args, "generation", None), input_seed=args.input_seed,
        preset=getattr(args, "preset", None),
    )  # fmt: skip
    bar = tqdm(desc="measuring", unit="solution", total=0, disable=args.quiet)

    def advance(count: int) -> None:
        bar.update(count)

    def set_total(total: int) -> None:
        bar.total = total
        bar.refresh()

    try:
        outcome = evaluate(
            args.samples, config, args.db, jobs=args.jobs, label=args.label,
            progress=advance, on_plan=set_total, executor=args.executor, address=args.address,
            backend=args.backend,
        )  # fmt: skip
    except (SamplesError, FileNotFoundError, ValueError) as error:
        bar.close()
        print(f"codeeff evaluate: {error}", file=sys.stderr)
        return 2
    except RayExecutorError as error:
        bar.close()
        print(f"codeeff evaluate: {error}", file=sys.stderr)
        return 1
    except SandboxError as error:
        bar.close()
        print(f"codeeff evaluate: the sandbox cannot start here ({error}); "
              "see `codeeff doctor`", file=sys.stderr)  # fmt: skip
        return 1
    bar.close()
    for message in outcome.sample_errors:
        print(f"{args.samples}: {message}", file=sys.stderr)
    if outcome.sample_errors:
        print(f"{len(outcome.sample_errors)} line(s) skipped; the rest was evaluated",
              file=sys.stderr)  # fmt: skip
    state = "resumed" if outcome.resumed else "new"
    print(f"run {outcome.run_id} ({state}): {outcome.measured} measured now, "
          f"{outcome.skipped} already done; input seed {outcome.input_seed!r} "
          f"(--input-seed reproduces them); results in {args.db}", file=sys.stderr)  # fmt: skip
    with Store(args.db) as store:
        result = summarize_stored_run(store, outcome.run_id, args.k)
    print(render([result], "table", args.k))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(result, handle, indent=2)
    return 0


def _generate(args: argparse.Namespace, output: str) -> tuple[int, dict]:
    """Run generation for `generate` and `evaluate-model`; returns (exit code, config)."""
    import contextlib
    import os
    from dataclasses import asdict

    from tqdm import tqdm

    from codeeff.generate import GenerationConfig, generate
    from codeeff.local_model import (
        DEFAULT_LOCAL_MODEL,
        LocalModelError,
        is_local,
        serve_local_model,
    )
    from codeeff.problems import load_suite

    model = args.model or DEFAULT_LOCAL_MODEL
    problems = load_suite(args.suite)
    if args.limit:
        problems = problems[: args.limit]
    api_key = os.environ.get(args.api_key_env) if args.api_key_env else None
    if args.api_key_env and api_key is None:
        print(f"codeeff: environment variable {args.api_key_env} is not set", file=sys.stderr)
        return 2, {}
    server = (
        serve_local_model(model.split(":", 1)[1]) if is_local(model)
        else contextlib.nullcontext((args.base_url, model))
    )  # fmt: skip
    bar = tqdm(desc="generating", unit="reply", total=0, disable=args.quiet)

    def set_total(total: int) -> None:
        bar.total = total
        bar.refresh()

    try:
        with server as (base_url, served_model):
            config = GenerationConfig(
                model=served_model, base_url=base_url, n=args.n, temperature=args.temperature,
                max_tokens=args.max_tokens, instruction=args.instruction,
            )  # fmt: skip
            outcome = generate(problems, config, output, api_key, args.concurrency,
                               progress=bar.update, on_plan=set_total)  # fmt: skip
    except LocalModelError as error:
        bar.close()
        print(f"codeeff: {error}", file=sys.stderr)
        return 2, {}
    bar.close()
    for failure in outcome.failed:
        print(f"codeeff: request failed after retries: {failure}", file=sys.stderr)
    print(f"{outcome.requested} replies requested, {outcome.cached} from the cache, "
          f"{len(outcome.failed)} failed, {outcome.extraction_errors} without usable code; "
          f"samples in {output}", file=sys.stderr)  # fmt: skip
    generation = dict(asdict(config), model_requested=model, base_url=None if is_local(model)
                      else base_url)  # fmt: skip
    return (1 if outcome.failed and outcome.requested == len(outcome.failed) else 0), generation


def cmd_generate(args: argparse.Namespace) -> int:
    return _generate(args, args.output)[0]


def cmd_evaluate_model(args: argparse.Namespace) -> int:
    model = args.model or "local:smollm2"
    output = (
        args.output or f"results/{model.replace('/', '_').replace(':', '_')}/{args.suite}.jsonl"
    )
    status, generation = _generate(args, output)
    if status:
        return status
    args.samples, args.label = output, args.label or model
    args.generation = generation
    return cmd_evaluate(args)


def cmd_report(args: argparse.Namespace) -> int:
    from codeeff.report import render, summarize_stored_run
    from codeeff.store import Store

    with Store(args.db) as store:
        run_ids = args.run or [run["run_id"] for run in store.runs()]
        if not run_ids:
            print(f"codeeff report: no runs in {args.db}", file=sys.stderr)
            return 1
        try:
            runs = [summarize_stored_run(store, run_id, args.k) for run_id in run_ids]
        except KeyError as error:
            print(f"codeeff report: {error.args[0]}", file=sys.stderr)
            return 1
    print(render(runs, args.format, args.k))
    return 0


def cmd_leaderboard(args: argparse.Namespace) -> int:
    from codeeff.leaderboard.tables import collect

    try:
        board = collect([Path(db) for db in args.db], args.k)
    except FileNotFoundError as error:
        print(f"codeeff leaderboard: {error}", file=sys.stderr)
        return 1
    if not board.runs:
        print(f"codeeff leaderboard: no runs in {', '.join(args.db)}", file=sys.stderr)
        return 1
    output = Path(args.output)
    if args.format == "site":
        from codeeff.leaderboard.site import write_site

        written = write_site(board, output)
    elif args.format == "parquet":
        from codeeff.leaderboard.export import write_parquet

        written = write_parquet(board, output)[0].parent
    else:
        from codeeff.leaderboard.export import write_datasets

        written = write_datasets(board, output)
    print(f"{len(board.runs)} runs, {len(board.task_rows)} task results, "
          f"{len(board.sample_rows)} samples -> {written}")  # fmt: skip
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from codeeff.server import ServeConfig, serve

    root = Path(args.root).resolve() if args.root else None
    serve(ServeConfig(db=Path(args.db), keys=Path(args.keys), root=root, workers=args.workers),
          host=args.host, port=args.port)  # fmt: skip
    return 0


def cmd_keys(args: argparse.Namespace) -> int:
    from codeeff import api_keys

    path = Path(args.keys)
    if args.action == "create":
        key, token = api_keys.create_key(path, args.name, args.show_failed_cases)
        shown = ", shows failed edge cases" if key.show_failed_cases else ""
        print(f"key {key.key_id} ({key.name}{shown}) created; its token, shown only now:\n{token}")
        return 0
    if args.action == "revoke":
        if not api_keys.revoke_key(path, args.name):
            print(f"codeeff keys: no key {args.name!r} in {path}", file=sys.stderr)
            return 1
        print(f"key {args.name} revoked")
        return 0
    for key in api_keys.load_keys(path):
        state = "revoked" if key.revoked else "live"
        shown = "  (shows failed edge cases)" if key.show_failed_cases else ""
        print(f"{key.key_id}  {state:7}  {key.name}{shown}")
    return 0


def _add_executor_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--executor", choices=["local", "ray"], default="local",
        help="where the sandboxes run: 'local', a process pool on this machine (--jobs), or "
        "'ray', one pinned sandbox pair per CPU of a Ray cluster (needs "
        "pip install 'codeeff[ray]'; codeeff and the problems folder on every node). "
        "Results do not depend on it: a run may resume on either (default: %(default)s)",
    )  # fmt: skip
    parser.add_argument(
        "--address", metavar="ADDR",
        help="with --executor ray: the Ray cluster to join, e.g. 10.0.0.1:6379 (default: "
        "the cluster RAY_ADDRESS names or this machine runs, else a new local one)",
    )  # fmt: skip
    _add_backend_option(parser)


def _add_backend_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--backend", choices=["local", "docker"], default="local",
        help="the sandbox: 'local' (bubblewrap, cgroups, seccomp on this host) or 'docker' "
        "(one container per sandbox with the same sandbox inside; needs dockerd, "
        "pip install 'codeeff[docker]' and the image of sandbox/; see sandbox/README.md). "
        "Recorded with the run (default: %(default)s)",
    )  # fmt: skip


ROOT_HELP = (
    "a folder holding problems/ and reference_solutions/ (as `codeeff import` writes), "
    "searched for suites before the project's own and the default import folder; "
    "several folders can be given in the environment variable CODEEFF_ROOT"
)


def _root_option() -> argparse.ArgumentParser:
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument("--root", metavar="DIR", help=ROOT_HELP)
    return options


def build_parser() -> argparse.ArgumentParser:
    roots = _root_option()
    parser = argparse.ArgumentParser(
        prog="codeeff",
        description="Measure how efficient (LLM-generated) code is, in a sandbox, "
        "against expert references timed in the same run.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    doctor = commands.add_parser(
        "doctor", help="check the sandbox on this host and list the guarantees it gives"
    )
    doctor.add_argument("--json", action="store_true", help="machine-readable output")
    _add_backend_option(doctor)
    doctor.set_defaults(handler=cmd_doctor)

    problems = commands.add_parser("problems", help="list, show and validate problems")
    problem_commands = problems.add_subparsers(dest="problems_command", required=True)
    listing = problem_commands.add_parser(
        "list", parents=[roots], help="list the problems of a suite, with their source"
    )
    listing.add_argument("--suite", help="suite name (default: all suites)")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(handler=cmd_problems_list)
    show = problem_commands.add_parser(
        "show", parents=[roots],
        help="show a problem's prompt, levels, limits and source (never its references)",
    )  # fmt: skip
    show.add_argument("task", help="task id, e.g. core/pair_sum_count")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    show.set_defaults(handler=cmd_problems_show)
    validate = problem_commands.add_parser(
        "validate",
        parents=[roots],
        help="prove problems sound: deterministic generators, tiers agree with the expert, "
        "expert inside its time budget, slowest tier >= 3x slower on the top level",
    )
    validate.add_argument("--suite", help="suite name (default: all suites)")
    validate.add_argument("--task", action="append",
                          help="validate this task id only (repeat for several)")  # fmt: skip
    validate.add_argument("--json", action="store_true", help="machine-readable output")
    validate.add_argument("--jsonl", metavar="FILE",
                          help="also append each problem's report to FILE as one JSON line, "
                          "as soon as it is validated")  # fmt: skip
    validate.set_defaults(handler=cmd_problems_validate)

    references = commands.add_parser(
        "references",
        parents=[roots],
        help="write a suite's reference solutions as a samples file, to evaluate them like a model",
    )
    references.add_argument("--suite", required=True, help="suite name, e.g. core")
    references.add_argument(
        "--tier", default="expert",
        help="tier name (expert, naive, ...) or 'slowest' for each problem's slowest tier",
    )  # fmt: skip
    references.add_argument("-o", "--output", required=True, help="samples file to write (JSONL)")
    references.set_defaults(handler=cmd_references)

    evaluate = commands.add_parser(
        "evaluate",
        parents=[roots],
        help="measure a samples file on a suite and print pass@k, eff@k and the other metrics",
        description="Measure every sample (JSONL lines with task_id and solution, or "
        "completion) in the sandbox against the suite's expert references, store raw "
        "measurements in SQLite, and print the metrics. Re-running the same command resumes.",
    )
    evaluate.add_argument("--samples", required=True, help="samples file (JSONL)")
    evaluate.add_argument("--suite", required=True, help="suite name, e.g. core")
    evaluate.add_argument(
        "--db", default="codeeff.db", help="results database (default: %(default)s)"
    )
    evaluate.add_argument("--jobs", type=int, help="parallel sandboxes (default: one per CPU)")
    evaluate.add_argument(
        "--k", type=_parse_ks, default=[1], help="k values, e.g. 1,10 (default: 1)"
    )
    evaluate.add_argument("--alpha", type=float, help="time limit factor (default: each problem's)")
    evaluate.add_argument("--label", help="name of this run in reports (default: the file name)")
    evaluate.add_argument("--json", help="also write the full results (summary and per task) here")
    evaluate.add_argument(
        "--no-tiers",
        action="store_true",
        help="skip timing the slower reference tiers (no Beyond@k or DPS)",
    )
    evaluate.add_argument(
        "--new-run",
        action="store_true",
        help="measure again from scratch as a new run (default: resume)",
    )
    evaluate.add_argument(
        "--input-seed",
        metavar="SEED",
        help="fix the inputs, to reproduce a run (its seed is in `report --format json`); "
        "'' = the inputs published with the problems. Default: each new run draws fresh "
        "inputs, so no sample can carry answers to inputs known in advance",
    )
    evaluate.add_argument(
        "--preset",
        choices=["enamel"],
        help="score by another benchmark's definition, for comparable figures: enamel = "
        "ENAMEL's eff@k (alpha 2, one time limit per problem, level weights 0/3/3/4, 6 "
        "repeats per case); needs problems with a correctness level and three stress levels",
    )
    evaluate.add_argument("--quiet", action="store_true", help="no progress bar")
    _add_executor_options(evaluate)
    evaluate.set_defaults(handler=cmd_evaluate)

    generation_options = argparse.ArgumentParser(add_help=False, parents=[roots])
    generation_options.add_argument(
        "--model", help="model name at the endpoint, or local:smollm2 (default: local:smollm2, "
        "served by codeeff itself on 127.0.0.1, no key and no network)")  # fmt: skip
    generation_options.add_argument("--base-url", help="OpenAI-compatible endpoint, e.g. "
                                    "http://localhost:8000/v1 (default: OpenAI)")  # fmt: skip
    generation_options.add_argument("--api-key-env", help="environment variable holding the key")
    generation_options.add_argument("--suite", default="core", help="suite (default: core)")
    generation_options.add_argument(
        "--n", type=int, default=5, help="samples per task (default: 5)"
    )
    generation_options.add_argument("--temperature", type=float, default=0.8)
    generation_options.add_argument("--max-tokens", type=int, default=1024)
    generation_options.add_argument("--concurrency", type=int, default=8)
    generation_options.add_argument(
        "--instruction",
        choices=["plain", "efficient"],
        default="plain",
        help="prompt variant (default: plain)",
    )
    generation_options.add_argument("--limit", type=int, help="only the first N tasks (smoke runs)")
    generation_options.add_argument("--quiet", action="store_true", help="no progress bars")

    generate = commands.add_parser(
        "generate", parents=[generation_options],
        help="ask a model for solutions and write a samples file (resumable)",
    )  # fmt: skip
    generate.add_argument("-o", "--output", required=True, help="samples file to write (JSONL)")
    generate.set_defaults(handler=cmd_generate)

    evaluate_model = commands.add_parser(
        "evaluate-model", parents=[generation_options],
        help="generate with a model, then evaluate: the main job (default: the embedded model)",
    )  # fmt: skip
    evaluate_model.add_argument(
        "-o", "--output", help="samples file (default: results/MODEL/SUITE.jsonl)"
    )
    evaluate_model.add_argument("--db", default="codeeff.db", help="results database")
    evaluate_model.add_argument(
        "--jobs", type=int, help="parallel sandboxes (default: one per CPU)"
    )
    evaluate_model.add_argument("--k", type=_parse_ks, default=[1], help="k values, e.g. 1,5")
    evaluate_model.add_argument("--alpha", type=float, help="time limit factor")
    evaluate_model.add_argument("--label", help="run name in reports (default: the model)")
    evaluate_model.add_argument("--json", help="also write the full results here")
    evaluate_model.add_argument("--no-tiers", action="store_true", help="skip tier timing")
    evaluate_model.add_argument("--new-run", action="store_true", help="measure from scratch")
    evaluate_model.add_argument(
        "--input-seed", metavar="SEED", help="fix the inputs (default: fresh for each new run)"
    )
    _add_executor_options(evaluate_model)
    evaluate_model.set_defaults(handler=cmd_evaluate_model)

    importing = commands.add_parser(
        "import",
        help="convert a published benchmark into a suite of problems, then validate it",
        description="Read a published benchmark's files (a local copy, or a dataset id "
        "where there is network) and write its problems as ordinary problem folders "
        "(problems/ and reference_solutions/ under --root), then validate each one and "
        "say how many were imported, how many validate, and why each other one did not.",
    )
    importing.add_argument("source", choices=importers_names(), help="the benchmark")
    importing.add_argument(
        "--from", dest="from_path", required=True, metavar="PATH_OR_DATASET_ID",
        help="the published files, or a dataset hub id: for enamel the folder holding "
        "enamel.csv and humaneval-canonical.json (or the CSV itself); for evalperf, mercury "
        "and effibench a parquet, json, jsonl or csv file of their records, or a folder of "
        "them (evalplus/evalperf, Elfsong/Mercury, DONG19/EffiBench on the hub); for "
        "kernelbench the KernelBench checkout's problem folder (<checkout>/KernelBench, "
        "holding level1/, level2/, ...); for tritonbench the TritonBench checkout (holding "
        "data/ and performance_metrics/)",
    )  # fmt: skip
    importing.add_argument(
        "--root", metavar="DIR",
        help="where to write (default: the user's data folder, searched by every command)",
    )  # fmt: skip
    importing.add_argument("--suite", help="suite name (default: the source's name)")
    importing.add_argument(
        "--all", action="store_true", help="also the records the source leaves out of its set"
    )
    importing.add_argument("--no-validate", action="store_true", help="write only")
    importing.add_argument("--quiet", action="store_true", help="no progress bars")
    importing.set_defaults(handler=cmd_import)

    report = commands.add_parser("report", help="the metrics of stored runs, side by side")
    report.add_argument(
        "--db", default="codeeff.db", help="results database (default: %(default)s)"
    )
    report.add_argument(
        "--run", action="append", help="run id (or prefix); repeatable; default all"
    )
    report.add_argument("--format", choices=["table", "json", "csv", "md"], default="table")
    report.add_argument("--k", type=_parse_ks, default=[1], help="k values, e.g. 1,10")
    report.set_defaults(handler=cmd_report)

    board = commands.add_parser(
        "leaderboard", help="stored runs as a static site with plots, or as Parquet/datasets",
        description="Publish the runs of one or more stores (several machines merge): a "
        "static site (index.html, opens from the file system, requests nothing; sortable "
        "table with 95%% CIs, plots, a page per run), or the same figures as Parquet tables "
        "or a Hugging Face datasets folder (schema in docs/leaderboard.md).",
    )  # fmt: skip
    board.add_argument("--db", action="append", required=True,
                       help="results database; repeat for several")  # fmt: skip
    board.add_argument("-o", "--output", required=True, help="folder to write")
    board.add_argument("--format", choices=["site", "parquet", "datasets"], default="site",
                       help="default: %(default)s")  # fmt: skip
    board.add_argument("--k", type=_parse_ks, default=[1], help="k values, e.g. 1,10")
    board.set_defaults(handler=cmd_leaderboard)

    serving = commands.add_parser(
        "serve", parents=[roots],
        help="the sandbox API for agents: submit solutions over HTTP, get verdicts and timings",
        description="Serve the sandbox API (FastAPI; docs at /docs, schema at /openapi.json): "
        "agents submit a solution for a problem and get the verdict and the trusted timing "
        "that `codeeff evaluate` gives. Needs API keys (`codeeff keys create`).",
    )  # fmt: skip
    serving.add_argument("--host", default="127.0.0.1",
                         help="address to bind (default: %(default)s, loopback only)")  # fmt: skip
    serving.add_argument("--port", type=int, default=8000)
    serving.add_argument("--db", default="codeeff-api.db",
                         help="SQLite file holding the jobs (default: %(default)s)")  # fmt: skip
    serving.add_argument("--keys", default="codeeff-keys.json",
                         help="API keys file, hashes only (default: %(default)s)")  # fmt: skip
    serving.add_argument("--workers", type=int, default=0,
                         help="jobs measured at once, one core each (default: all)")  # fmt: skip
    serving.set_defaults(handler=cmd_serve)

    keys = commands.add_parser("keys", help="create, list and revoke API keys of `codeeff serve`")
    keys.add_argument("action", choices=["create", "list", "revoke"])
    keys.add_argument("name", nargs="?", default="",
                      help="create: a label for the key; revoke: the key's id")  # fmt: skip
    keys.add_argument("--keys", default="codeeff-keys.json",
                      help="API keys file (default: %(default)s)")  # fmt: skip
    keys.add_argument("--show-failed-cases", action="store_true",
                      help="create: this key's results show the input, expected and actual "
                      "answer of a failed edge case (level 0); off by default, so that a "
                      "benchmark's keys cannot learn its edge cases")  # fmt: skip
    keys.set_defaults(handler=cmd_keys)
    return parser


def importers_names() -> tuple[str, ...]:
    from codeeff import importers

    return importers.names()


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command != "import" and getattr(args, "root", None):
        # Searched first by this command and by the workers it starts (problems.search_roots).
        os.environ["CODEEFF_ROOT"] = os.pathsep.join(
            [str(Path(args.root).resolve()), *filter(None, [os.environ.get("CODEEFF_ROOT")])]
        )
    if getattr(args, "address", None) and args.executor != "ray":
        parser.error("--address is for --executor ray")
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
