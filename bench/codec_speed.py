"""How much CPU a sample saves by writing its answer to the pipe without codec.encode.

The sandbox charges the sample for encoding its return value, so a sample that writes
the bytes itself (any bytes the harness decodes to the same value) gains whatever
encode costs beyond the fastest such bypass. For each answer shape this prints the CPU
time of ``codec.encode`` and of each bypass (best of --repeat, interleaved), and the
ratio encode / fastest bypass: 1.0 means bypassing gains nothing.

    .venv/bin/python bench/codec_speed.py                           # this checkout
    .venv/bin/python bench/codec_speed.py --codec /tmp/codec_orig.py  # another codec.py
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

Bypass = Callable[[Any], bytes]


def compact(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), check_circular=False).encode()


def pairs_tagged_dumps(value: list[tuple]) -> bytes:
    return compact([{"t": pair} for pair in value])


def pairs_repr_replace(value: list[tuple]) -> bytes:
    # repr of a list of int pairs is JSON once each "(...)" becomes {"t":[...]}.
    return repr(value).replace("(", '{"t":[').replace(")", "]}").encode()


def shapes(rng: random.Random) -> dict[str, tuple[Any, dict[str, Bypass]]]:
    """Answer shapes, each with the bypasses a cheater could write for it."""
    dumps_and_repr = {"json.dumps": compact, "repr": lambda v: repr(v).encode()}
    return {
        "1M ints": ([rng.randrange(-(10**9), 10**9) for _ in range(10**6)], dumps_and_repr),
        "1M floats": ([rng.uniform(-1e6, 1e6) for _ in range(10**6)], dumps_and_repr),
        "200k short strs": (
            [f"w{rng.randrange(10**6)}" for _ in range(200_000)],
            {"json.dumps": compact},
        ),
        "100k int pairs (tuples)": (
            [(rng.randrange(10**6), rng.randrange(10**6)) for _ in range(100_000)],
            {"tagged json.dumps": pairs_tagged_dumps, "repr+replace": pairs_repr_replace},
        ),
        "1000 lists of 1000 ints": (
            [[rng.randrange(10**9) for _ in range(1000)] for _ in range(1000)],
            dumps_and_repr,
        ),
        "dict 100k str->int": (
            {f"k{i}": rng.randrange(10**9) for i in range(100_000)},
            {"tagged json.dumps": lambda v: compact({"d": list(v.items())})},
        ),
        "set 200k ints": (
            set(rng.sample(range(10**9), 200_000)),
            {"tagged json.dumps": lambda v: compact({"s": list(v)})},
        ),
    }


def same(a: Any, b: Any) -> bool:
    """Equal with identical types all the way down (1 != 1.0 != True, list != tuple)."""
    if type(a) is not type(b):
        return False
    if type(a) in (list, tuple):
        return len(a) == len(b) and all(map(same, a, b))
    if type(a) is dict:
        return a.keys() == b.keys() and all(same(a[key], b[key]) for key in a)
    if type(a) is float and math.isnan(a):
        return math.isnan(b)
    return a == b


def cpu_seconds(function: Callable[[Any], bytes], value: Any) -> float:
    start = time.process_time()
    function(value)
    return time.process_time() - start


def load_codec(path: str | None) -> ModuleType:
    if path is None:
        from codeeff import codec

        return codec
    spec = importlib.util.spec_from_file_location("codec_under_test", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--codec", help="path of a codec.py to measure (default: this one)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    codec = load_codec(args.codec)
    print(f"codec: {codec.__file__}")
    print(f"{'shape':26} {'encode ms':>10} {'fastest bypass':>18} {'ms':>8} {'ratio':>6}")
    for name, (value, bypasses) in shapes(random.Random(1)).items():
        for label, bypass in bypasses.items():  # a bypass must decode to the same value
            assert same(codec.decode(bypass(value)), value), (name, label)
        timed = {"encode": codec.encode, **bypasses}
        best = dict.fromkeys(timed, math.inf)
        for _ in range(args.repeat):
            for label, function in timed.items():
                best[label] = min(best[label], cpu_seconds(function, value))
        encode_s = best.pop("encode")
        label = min(best, key=best.__getitem__)
        print(
            f"{name:26} {encode_s * 1e3:10.1f} {label:>18} {best[label] * 1e3:8.1f} "
            f"{encode_s / best[label]:6.2f}"
            + "".join(f"  (vs {other}: {encode_s / best[other]:.2f})" for other in best),
            flush=True,
        )


if __name__ == "__main__":
    main()
