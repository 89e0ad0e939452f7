"""Command-line front: argparse; each subcommand calls one library function."""

from __future__ import annotations

import argparse
import json
import sys


def cmd_doctor(args: argparse.Namespace) -> int:
    """Start one sandbox and print which isolation guarantees this host gives."""
    from codeeff.sandbox.base import SandboxLimits
    from codeeff.sandbox.local import LocalBackend, find_bwrap

    backend = LocalBackend()
    with backend.open("def f():\n    return 1\n", "f", SandboxLimits()) as sandbox:
        sandbox.add_input(0, ())
        result = sandbox.run(0, 1.0, 5.0)
        report = {
            "bwrap": find_bwrap(),
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


def build_parser() -> argparse.ArgumentParser:
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
    doctor.set_defaults(handler=cmd_doctor)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
