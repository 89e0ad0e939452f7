"""Problem / Level / Suite: load problems/ and reference_solutions/ into plain typed objects.

The format is described in problems/README.md. Loading checks every field and names
the file and the field in its error; it never runs a reference. Generators are
trusted code from the project itself and run in this process.
"""

from __future__ import annotations

import copy
import hashlib
import importlib.util
import math
import os
import random
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import Any

from codeeff import kinds

DIFFICULTIES = ("easy", "medium", "hard")
DEFAULT_BUDGET_MS = (2.0, 1000.0)
RANDOM_LEVEL_INDEX = -1


class ProblemFormatError(ValueError):
    """A problem folder is malformed; the message names the file and the field."""

    def __init__(self, path: Path, field_name: str, message: str):
        super().__init__(f"{path}: field '{field_name}': {message}")
        self.path, self.field_name = path, field_name


PROJECT_ROOT = Path(__file__).resolve().parents[1]
FIXED_INPUTS = ("none", "some", "all")


def search_roots() -> list[Path]:
    """The folders holding problems/ and reference_solutions/, searched in this order:
    CODEEFF_ROOT (several joined by the path separator; `--root` puts its folder first),
    the project's own, and the folder `codeeff import` writes to by default."""
    from codeeff.importers import default_import_root

    given = [Path(p) for p in os.environ.get("CODEEFF_ROOT", "").split(os.pathsep) if p]
    roots = [*given, PROJECT_ROOT, default_import_root()]
    return list(dict.fromkeys(root.resolve() for root in roots))


def default_root() -> Path:
    """The first folder searched for suites."""
    return search_roots()[0]


def suite_root(suite: str) -> Path:
    """The first searched folder that holds the suite (FileNotFoundError naming the
    suites there are if none does)."""
    for root in search_roots():
        if (root / "problems" / suite).is_dir():
            return root
    known = ", ".join(list_suites()) or "none"
    searched = ", ".join(str(root) for root in search_roots())
    raise FileNotFoundError(f"no suite {suite!r} (suites: {known}; searched {searched})")


@dataclass(frozen=True)
class Level:
    name: str
    index: int  # 0 = correctness gate; -1 = the validation's random cases
    weight: float
    cases: int
    params: dict[str, Any]
    budget_ms: tuple[float, float] = DEFAULT_BUDGET_MS
    # The input size this level declares (n, or n + m for a graph): what the growth of a
    # sample's time is fitted against (growth.py); None where the problem declares none.
    size: float | None = None


@dataclass(frozen=True)
class Limits:
    memory_mb: int = 512
    alpha: float = 2.0


@dataclass(frozen=True)
class Validation:
    random_cases: int = 200
    random_params: dict[str, Any] = field(default_factory=dict)
    # The slowest tier must be this many times slower than the expert on the top level
    # (0: no gap is promised, as for an imported problem whose tiers are the source's).
    min_discrimination: float = 3.0


@dataclass(frozen=True)
class Tier:
    """A reference solution; tiers are ordered slowest first, the expert last."""

    name: str
    path: Path
    score: float | None = None  # the source's DPS score of this rung (EvalPerf), if any

    @property
    def source(self) -> str:
        return self.path.read_text(encoding="utf-8")


@dataclass
class Problem:
    task_id: str  # "<suite>/<task>"
    title: str
    kind: str
    entry_point: str | None  # None for kinds whose solutions are whole programs
    tags: list[str]
    difficulty: str
    limits: Limits
    levels: list[Level]
    validation: Validation
    prompt: str
    folder: Path
    reference_folder: Path
    # Per output dtype (atol, rtol), for kinds whose answers are floating-point tensors.
    tolerances: dict[str, tuple[float, float]] = field(default_factory=dict)
    # The [output] table: how the kind compares an answer with the expert's (kinds/).
    output: dict[str, Any] = field(default_factory=dict)
    # The [source] table of an imported problem: name, id, url, license, and
    # fixed_inputs ("none", "some" or "all" of its scored cases ignore the run's seed, as
    # published). Empty for the project's own problems.
    source: dict[str, str] = field(default_factory=dict)
    # Mixed into every seed. Empty: the published inputs (validation, benches). An
    # evaluation run draws its own, so that no sample can carry answers to inputs known
    # before the run (the published seeds are in this repository for anyone to replay).
    input_salt: str = ""

    @property
    def suite(self) -> str:
        return self.task_id.split("/", 1)[0]

    @cached_property
    def generator(self) -> ModuleType:
        return load_module(self.folder / "generator.py", f"codeeff_gen_{self.task_id}")

    @cached_property
    def tiers(self) -> list[Tier]:
        return load_tiers(self.reference_folder)

    @property
    def expert(self) -> Tier:
        return self.tiers[-1]

    def tier(self, name: str) -> Tier:
        for tier in self.tiers:
            if tier.name == name:
                return tier
        known = ", ".join(t.name for t in self.tiers)
        raise KeyError(f"{self.task_id} has no tier {name!r} (tiers: {known})")

    @property
    def checker(self):
        """check(args, expected, actual) -> bool, or None where answers must be equal
        (measure.outputs_equal): the generator's own `check`, else the kind's."""
        return kinds.get(self.kind).checker(self)

    def solver(self, tier: Tier):
        """A tier as a trusted function of one case's argument tuple (kinds/)."""
        return kinds.get(self.kind).solver(self, tier)

    def seed(self, level: Level, case: int) -> int:
        text = f"{self.task_id}|{level.index}|{case}"
        if self.input_salt:
            text += f"|{self.input_salt}"
        return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")

    def generate(self, level: Level, case: int) -> tuple:
        """The argument tuple of one case, deterministic in (task, level, case, salt).
        Without a salt (the published inputs), an imported problem whose generator says
        which seed its source used (`published_seed(level, case)`) draws the source's own
        inputs, as its source published them."""
        seed = self.seed(level, case)
        if not self.input_salt and hasattr(self.generator, "published_seed"):
            seed = self.generator.published_seed(level, case)
        args = self.generator.generate(level, case, random.Random(seed))
        if not isinstance(args, tuple):
            raise ProblemFormatError(
                self.folder / "generator.py",
                "generate",
                f"returned {type(args).__name__}, expected a tuple of arguments",
            )
        return args

    def random_level(self) -> Level:
        """The pseudo-level of small random inputs used for differential testing."""
        return Level(
            "random", RANDOM_LEVEL_INDEX, 0, self.validation.random_cases,
            self.validation.random_params,
        )  # fmt: skip

    def expected_outputs(self, level: Level, inputs: list[tuple]) -> list[Any]:
        """The expert's answers (trusted code, run here on copies of the inputs)."""
        expert = self.solver(self.expert)
        return [expert(copy.deepcopy(args)) for args in inputs]


def load_module(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name.replace("/", "_"), path)
    if spec is None or spec.loader is None:
        raise ProblemFormatError(path, "file", "cannot be loaded as Python")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _require(table: dict, key: str, kind: type | tuple, path: Path, where: str = "") -> Any:
    name = f"{where}{key}"
    if key not in table:
        raise ProblemFormatError(path, name, "is missing")
    value = table[key]
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        expected = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
        raise ProblemFormatError(path, name, f"must be {expected}, got {value!r}")
    return value


def _parse_levels(raw: Any, path: Path) -> list[Level]:
    if not isinstance(raw, list) or not raw:
        raise ProblemFormatError(path, "levels", "needs at least one [[levels]] table")
    levels = []
    for index, table in enumerate(raw):
        where = f"levels[{index}]."
        weight = float(_require(table, "weight", (int, float), path, where))
        cases = _require(table, "cases", int, path, where)
        if cases < 1:
            raise ProblemFormatError(path, f"{where}cases", "must be >= 1")
        if weight < 0 or (index == 0 and weight != 0):
            raise ProblemFormatError(path, f"{where}weight", "level 0 must weigh 0, others >= 0")
        size = table.get("size")
        if size is not None and not (type(size) in (int, float) and 0 < size < math.inf):
            raise ProblemFormatError(path, f"{where}size", "must be a positive number")
        budget = table.get("budget_ms", DEFAULT_BUDGET_MS)
        if not (isinstance(budget, (list, tuple)) and len(budget) == 2 and budget[0] < budget[1]):
            raise ProblemFormatError(path, f"{where}budget_ms", "must be [low, high] in ms")
        levels.append(
            Level(
                name=_require(table, "name", str, path, where),
                index=index,
                weight=weight,
                cases=cases,
                params=dict(table.get("params", {})),
                budget_ms=(float(budget[0]), float(budget[1])),
                size=None if size is None else float(size),
            )
        )
    if len(levels) > 1 and sum(level.weight for level in levels[1:]) <= 0:
        raise ProblemFormatError(path, "levels", "stress levels must have a positive total weight")
    return levels


def load_tiers(folder: Path) -> list[Tier]:
    manifest = folder / "tiers.toml"
    if not manifest.is_file():
        raise ProblemFormatError(manifest, "file", "is missing")
    with open(manifest, "rb") as handle:
        data = tomllib.load(handle)
    order = _require(data, "order", list, manifest)
    if not order or order[-1] != "expert":
        raise ProblemFormatError(manifest, "order", "must list tiers slowest first, 'expert' last")
    scores = data.get("scores", [None] * len(order))
    numbers = [score for score in scores if score is not None] if isinstance(scores, list) else []
    if (
        not isinstance(scores, list)
        or len(scores) != len(order)
        or not all(isinstance(score, (int, float)) and 0 <= score <= 100 for score in numbers)
    ):
        raise ProblemFormatError(manifest, "scores", "needs one score in [0, 100] per tier")
    tiers = []
    for name, score in zip(order, scores, strict=True):
        path = folder / f"{name}.py"
        if not path.is_file():
            raise ProblemFormatError(manifest, "order", f"names {name!r} but {path} is missing")
        tiers.append(Tier(name, path, None if score is None else float(score)))
    return tiers


def load_problem(folder: Path, root: Path | None = None) -> Problem:
    """Load and check one problem folder problems/<suite>/<task>/."""
    folder = Path(folder)
    root = root or folder.parents[2]
    suite, task = folder.parent.name, folder.name
    path = folder / "problem.toml"
    if not path.is_file():
        raise ProblemFormatError(path, "file", "is missing")
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ProblemFormatError(path, "toml", str(error)) from None
    kind = _require(data, "kind", str, path)
    try:
        kind_module = kinds.get(kind)
    except KeyError as error:
        raise ProblemFormatError(path, "kind", error.args[0]) from None
    difficulty = data.get("difficulty", "medium")
    if difficulty not in DIFFICULTIES:
        raise ProblemFormatError(path, "difficulty", f"must be one of {', '.join(DIFFICULTIES)}")
    raw_limits = data.get("limits", {})
    limits = Limits(
        memory_mb=int(raw_limits.get("memory_mb", 512)),
        alpha=float(raw_limits.get("alpha", 2.0)),
    )
    if limits.alpha <= 1:
        raise ProblemFormatError(path, "limits.alpha", "must be > 1")
    raw_validation = data.get("validation", {})
    validation = Validation(
        random_cases=int(raw_validation.get("random_cases", 200)),
        random_params=dict(raw_validation.get("random_params", {})),
        min_discrimination=float(raw_validation.get("min_discrimination", 3.0)),
    )
    tags = _require(data, "tags", list, path)
    if not all(isinstance(tag, str) for tag in tags):
        raise ProblemFormatError(path, "tags", "must be a list of strings")
    tolerances = {}
    for dtype, table in data.get("tolerances", {}).items():
        if not (isinstance(table, dict) and {"atol", "rtol"} <= table.keys()):
            raise ProblemFormatError(path, f"tolerances.{dtype}", "needs atol and rtol")
        tolerances[dtype] = (float(table["atol"]), float(table["rtol"]))
    required_files = ["prompt.py", "generator.py", *kind_module.REQUIRED_FILES]
    for required in required_files:
        if not (folder / required).is_file():
            raise ProblemFormatError(folder / required, "file", "is missing")
    if kind_module.HAS_ENTRY_POINT:
        entry_point = _require(data, "entry_point", str, path)
        if not all(part.isidentifier() for part in entry_point.split(".", 1)):
            raise ProblemFormatError(path, "entry_point", "must be a name or Class.method")
    elif "entry_point" in data:
        raise ProblemFormatError(path, "entry_point", f"a {kind} solution is a whole program")
    else:
        entry_point = None
    output = data.get("output", {})
    if not isinstance(output, dict):
        raise ProblemFormatError(path, "output", "must be a table")
    source = data.get("source", {})
    if not isinstance(source, dict) or not all(isinstance(v, str) for v in source.values()):
        raise ProblemFormatError(path, "source", "must be a table of strings")
    if source.get("fixed_inputs", "none") not in FIXED_INPUTS:
        raise ProblemFormatError(path, "source.fixed_inputs", f"must be one of {FIXED_INPUTS}")
    kind_module.check_output_table(output, path)
    return Problem(
        task_id=f"{suite}/{task}",
        title=_require(data, "title", str, path),
        kind=kind,
        entry_point=entry_point,
        tags=tags,
        difficulty=difficulty,
        limits=limits,
        levels=_parse_levels(data.get("levels"), path),
        validation=validation,
        prompt=(folder / "prompt.py").read_text(encoding="utf-8"),
        folder=folder,
        reference_folder=root / "reference_solutions" / suite / task,
        tolerances=tolerances,
        output=output,
        source=source,
    )


def list_suites(root: Path | None = None) -> list[str]:
    """The suites under `root`, or under every searched folder (search_roots)."""
    bases = [root / "problems"] if root else [r / "problems" for r in search_roots()]
    return sorted({p.name for base in bases if base.is_dir() for p in base.iterdir() if p.is_dir()})


def load_suite(suite: str, root: Path | None = None) -> list[Problem]:
    """Every problem of a suite, sorted by task id."""
    root = root or suite_root(suite)
    base = root / "problems" / suite
    if not base.is_dir():
        known = ", ".join(list_suites(root)) or "none"
        raise FileNotFoundError(f"no suite {suite!r} under {root / 'problems'} (suites: {known})")
    return [
        load_problem(folder, root)
        for folder in sorted(base.iterdir())
        if folder.is_dir() and (folder / "problem.toml").exists()
    ]


def load_task(task_id: str, root: Path | None = None) -> Problem:
    """One problem by id "<suite>/<task>"."""
    if task_id.count("/") != 1:
        raise ValueError(f"task id {task_id!r} must look like '<suite>/<task>'")
    root = root or suite_root(task_id.split("/", 1)[0])
    folder = root / "problems" / task_id
    if not folder.is_dir():
        raise FileNotFoundError(f"no task {task_id!r} under {root / 'problems'}")
    return load_problem(folder, root)
