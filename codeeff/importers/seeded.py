"""Running a source's own generator code with the run's rng.

Published generators draw from the global `random` module (their authors seed it once
per test). An imported problem runs that code with `random` bound to the
`random.Random` codeeff seeds from (task, level, case, run salt), also for an
`import random` inside it, so imported problems get fresh inputs in every run.
"""

from __future__ import annotations

import builtins
import random
import types
from typing import Any


def rng_module(rng: random.Random) -> types.SimpleNamespace:
    """A stand-in for the `random` module whose functions draw from `rng`."""
    names = [name for name in dir(rng) if not name.startswith("_")]
    return types.SimpleNamespace(**{name: getattr(rng, name) for name in names})


def rng_globals(rng: random.Random) -> dict[str, Any]:
    """Globals for generator code: `random` drawing from `rng`, also where the code
    imports it itself."""
    fake_random = rng_module(rng)

    def importer(name, *args, **kwargs):
        if name == "random":
            return fake_random
        return builtins.__import__(name, *args, **kwargs)

    return {"__builtins__": dict(vars(builtins), __import__=importer), "random": fake_random}
