"""What an imported ENAMEL problem's generator.py runs: ENAMEL's own generator and checker
source, executed here with the run's `rng` in place of the `random` module.

ENAMEL's generators draw from the global `random` module (upstream seeds it per case);
here every draw comes from the `random.Random` that codeeff seeds from (task, level,
case, run salt), so an imported problem gets fresh inputs in every run like any other.
Upstream also gives its generators four helpers from its data utilities; they are
written again below from their documented behaviour (random bracket strings, a
Miller-Rabin test, random probable primes, primality test inputs with fixed edge cases).
"""

from __future__ import annotations

import math
import random
import string
from collections.abc import Callable
from typing import Any

from codeeff.importers.seeded import rng_globals

# What upstream gives a generator besides its prompt's imports: its helpers' module
# namespace (which holds `random` and `string`) and `time`.
MILLER_RABIN_ROUNDS = 5


class EntropyMeter(random.Random):
    """A random.Random that adds up how many bits of choice its draws had (log2 of the
    number of outcomes of each call): a generator whose case drew few bits makes one of
    few inputs, as known in advance as a fixed one."""

    def __init__(self, seed: Any = None):
        self.bits = 0.0
        super().__init__(seed)

    def random(self) -> float:
        self.bits += 53
        return super().random()

    def getrandbits(self, k: int) -> int:
        self.bits += k
        return super().getrandbits(k)

    def randbelow_bits(self, n: int) -> None:
        self.bits += math.log2(n) if n > 1 else 0.0

    def randrange(self, start, stop=None, step=1):
        count = start if stop is None else max(0, -((start - stop) // step))  # len(range)
        self.randbelow_bits(count)
        return self._quietly(super().randrange, start, stop, step)

    def randint(self, a: int, b: int) -> int:
        return self.randrange(a, b + 1)

    def choice(self, seq):
        self.randbelow_bits(len(seq))
        return self._quietly(super().choice, seq)

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        self.bits += k * math.log2(max(len(population), 1))
        return self._quietly(super().choices, population, weights, cum_weights=cum_weights, k=k)

    def shuffle(self, x) -> None:
        self.bits += math.lgamma(len(x) + 1) / math.log(2)
        self._quietly(super().shuffle, x)

    def sample(self, population, k, **kwargs):
        n = len(population)
        self.bits += (math.lgamma(n + 1) - math.lgamma(n - k + 1)) / math.log(2)
        return self._quietly(super().sample, population, k, **kwargs)

    def _quietly(self, method, *args, **kwargs):
        """The base method, without counting the draws it makes through the ones above."""
        bits = self.bits
        try:
            return method(*args, **kwargs)
        finally:
            self.bits = bits


def quietly(rng: random.Random, bits: float, draw: Callable[[], Any]) -> Any:
    """draw(), counted as `bits` of choice by an EntropyMeter (for helpers whose draws
    overstate it: a probable prime costs many tries and test witnesses, but there are
    only about range / ln(range) primes to choose from)."""
    if not isinstance(rng, EntropyMeter):
        return draw()
    before = rng.bits
    try:
        return draw()
    finally:
        rng.bits = before + bits


def is_probable_prime(rng: random.Random, n: int, rounds: int = MILLER_RABIN_ROUNDS) -> bool:
    """Miller-Rabin with `rounds` random bases (upstream's `miller_rabin`)."""
    if n in (2, 3):
        return True
    if n < 2 or n % 2 == 0:
        return False
    odd, twos = n - 1, 0
    while odd % 2 == 0:
        odd //= 2
        twos += 1
    for _ in range(rounds):
        x = pow(rng.randint(2, n - 2), odd, n)
        if x in (1, n - 1):
            continue
        for _ in range(twos - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def random_probable_prime(rng: random.Random, low: int, high: int | None = None) -> int:
    """A random probable prime: in [low // 2, low] when only `low` is given (Bertrand's
    postulate promises one there), else in [max(low, 0), max(2 low, high, 3)]."""
    if high is None:
        top = max(low, 3)
        low, high = top // 2, top
    else:
        low = max(low, 0)
        high = max(2 * low, high, 3)

    def draw() -> int:
        while True:
            candidate = rng.randint(low, high)
            if is_probable_prime(rng, candidate):
                return candidate

    primes = max(1.0, (high - low + 1) / math.log(max(high, 3)))
    return quietly(rng, math.log2(primes), draw)


def random_brackets(
    rng: random.Random, size: int, valid: bool = True, par: str = "()", sep: str | None = ""
) -> str | list[str]:
    """Random bracket text of about `size` characters. Valid: balanced groups (each
    returning to depth 0), joined by `sep` (a list of groups if sep is None). Invalid:
    two balanced halves with a closing-then-opening pair between them."""
    opening, closing = par[0], par[1]
    if not valid:
        half = (size + 1) // 2 - 1
        left = random_brackets(rng, half, True, par)
        return f"{left}{closing}{opening}{random_brackets(rng, half, True, par)}"
    size += size % 2
    groups: list[list[str]] = []
    depth = 0
    for position in range(size):
        if depth == 0 or (depth < size - position and rng.randint(0, 1)):
            if depth == 0:
                groups.append([])
            groups[-1].append(opening)
            depth += 1
        else:
            groups[-1].append(closing)
            depth -= 1
    texts = ["".join(group) for group in groups]
    return texts if sep is None else sep.join(texts)


# A composite with no small factor (59 x 509), a Carmichael number, the smallest prime, a
# cube: the first level-0 cases of upstream's primality inputs.
PRIMALITY_EDGE_CASES = (2 * 3 * 5 * 7 * 11 * 13 + 1, 561, 2, 125)


def primality_input(rng: random.Random, size: int, lid: int, cid: int) -> int:
    """A number for a primality-flavoured task: the edge cases first on level 0, then in
    turn a probable prime near `size`, the square of one, a product of two."""
    size = max(size, 4)
    if lid == 0 and cid < len(PRIMALITY_EDGE_CASES):
        return PRIMALITY_EDGE_CASES[cid]
    root = int(size**0.5 + 1)
    if cid % 3 == 0:
        return random_probable_prime(rng, size)
    if cid % 3 == 1:
        return random_probable_prime(rng, root) ** 2
    return random_probable_prime(rng, root) * random_probable_prime(rng, root)


def _scope(rng: random.Random) -> dict[str, Any]:
    """Globals for ENAMEL's generator: upstream's helpers bound to `rng`, `random` (also
    for an `import random` inside the generator) and `string`."""
    return {
        **rng_globals(rng),
        "string": string,
        "miller_rabin": lambda n, k=MILLER_RABIN_ROUNDS: is_probable_prime(rng, n, k),
        "rand_probably_prime": lambda low, high=None: random_probable_prime(rng, low, high),
        "rand_parens": lambda size, valid=True, par="()", sep="": random_brackets(
            rng, size, valid, par, sep
        ),
        "rand_primality": lambda size, lid, cid: primality_input(rng, size, lid, cid),
    }


def generator_from(prompt: str, source: str) -> Callable[[Any, int, random.Random], tuple]:
    """codeeff's generate(level, case, rng) from ENAMEL's generate_input(size, lid, cid).

    The level's params give `size`, and optionally `lid` and `cid_offset` (for the
    validation's random cases, which are level-0 inputs past its hand-picked ones)."""
    code = compile(f"{prompt}\n    pass\n{source}", "<enamel generator>", "exec")

    def generate(level, case: int, rng: random.Random) -> tuple:
        scope = _scope(rng)
        exec(code, scope)
        params = level.params
        lid = params.get("lid", level.index)
        args = scope["generate_input"](
            size=params["size"], lid=lid, cid=case + params.get("cid_offset", 0)
        )
        return tuple(args) if isinstance(args, (tuple, list)) else (args,)

    return generate


def checker_from(prompt: str, source: str) -> Callable[[tuple, Any, Any], bool]:
    """codeeff's check(args, expected, actual) from ENAMEL's __check(input, answer,
    output), which runs with its prompt's names in scope (some call a helper defined
    there)."""
    scope: dict[str, Any] = {}
    exec(compile(f"{prompt}\n    pass\n{source}", "<enamel checker>", "exec"), scope)
    check = scope["__check"]
    return lambda args, expected, actual: bool(check(args, expected, actual))


# ENAMEL's evaluator seeds every test: random.seed(SEED ^ problem ^ (offset + case)),
# the offset counting the tests of the levels before (enam/evaluate.py, make_tests).
ENAMEL_SEED = 998244353


def published_seeds(number: int, tests_per_level: list[int]) -> Callable[[Any, int], int]:
    """published_seed(level, case): the seed of ENAMEL's own test `case` of `level` for
    HumanEval/`number`, so that the published inputs (no salt) are ENAMEL's own (where
    its generator draws only from `random`; the helpers above are written again, so
    their draws may differ from upstream's)."""
    offsets = [sum(tests_per_level[:index]) for index in range(len(tests_per_level))]
    return lambda level, case: ENAMEL_SEED ^ number ^ (offsets[level.index] + case)
