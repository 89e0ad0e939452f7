"""Importers of published benchmarks (`codeeff import SOURCE`), one module per source.

Each module has NAME, LICENSE, URL and `problems(source_path, ...)`, which yields
records.ImportedProblem values; the command writes them with records.write_problem and
validates them. Modules import their readers (the `datasets` library) only when called.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from types import ModuleType

_MODULES = {
    name: f"codeeff.importers.{name}"
    for name in ("enamel", "evalperf", "mercury", "effibench", "kernelbench", "tritonbench")
}


def names() -> tuple[str, ...]:
    return tuple(_MODULES)


def get(name: str) -> ModuleType:
    if name not in _MODULES:
        raise KeyError(f"no importer for {name!r} (known: {', '.join(_MODULES)})")
    return importlib.import_module(_MODULES[name])


def default_import_root() -> Path:
    """Where imported suites go unless --root says otherwise: the user's data folder
    (never inside the installed package)."""
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "codeeff"
