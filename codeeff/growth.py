"""How a solution's time grows with input size, across a problem's stress levels.

A speedup says how far a sample is from the expert; an agent that optimises code also
needs to know why: "your time grows as n^1.9, the expert's as n^1.0" points at the
algorithm, "both grow as n^1.0 but yours costs 3x more on every level" at the constant
factor. Where the stress levels declare their input size (problem.toml `size`), the
exponent is the least-squares slope of log(time) on log(size) over those levels, for
the sample and for the expert timed beside it, and their difference (the relative
exponent: the slope of log(sample time / expert time)).

The 95% intervals are a percentile bootstrap over the timed runs: the run pairs of each
case are resampled, each case's time is estimated again as the measurement does (the
reference's median scaled by the Hodges-Lehmann paired ratio), a level takes its worst
case, and the slopes are fitted again. They cover the timing noise only. The absolute
exponents also move from run to run with what the interval cannot see: the host's speed
drifting between levels, fresh inputs, and level parameters other than size (value
ranges, densities) that change the work too. On `core`, two runs of the experts gave
exponents a median 0.13 apart (bench/results/growth.md). The relative exponent is the
figure to act on: sample and expert ran the same inputs, interleaved, so all of that
cancels (the experts scored as samples were within 0.1 of 0 in 116 of 118 task-runs).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

# Sizes that span less than this factor say little about growth (a 10% timing error
# over a 1.2x span moves the exponent by 0.5): no exponent is given.
MIN_SIZE_SPAN = 1.5
BOOTSTRAP_ROUNDS = 200
# Fixed, so that the same stored measurement always reports the same interval.
BOOTSTRAP_SEED = 20261201


def growth(levels: Sequence[Any]) -> dict[str, Any]:
    """The growth figures of one sample's stress levels (measure.LevelMeasurement, with
    their declared `size`): exponents with intervals, or `not_measured` and why."""
    sized = [level for level in levels if getattr(level, "size", None) and level.cases]
    if len(sized) < 2:
        return {"not_measured": "the problem's stress levels declare no input size"}
    finished = [level for level in sized if math.isfinite(level.candidate_s)]
    sizes = [float(level.size) for level in finished]
    if len(finished) < 2 or max(sizes) / min(sizes) < MIN_SIZE_SPAN:
        reason = (
            "fewer than two sized levels finished in time"
            if len(finished) < 2
            else f"the sized levels span less than {MIN_SIZE_SPAN}x in size"
        )
        return {"not_measured": reason}
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    draws = [[_case_draws(case, rng) for case in level.cases] for level in finished]
    # A level's time is its worst case's, in each bootstrap round as in the measurement.
    candidate = np.array([np.max([d[0] for d in level], axis=0) for level in draws])
    expert = np.array([np.max([d[1] for d in level], axis=0) for level in draws])
    log_sizes = np.log(sizes)
    exponent = _slope(log_sizes, [math.log(level.candidate_s) for level in finished])
    expert_exponent = _slope(log_sizes, [math.log(level.reference_s) for level in finished])
    result = {
        "levels": [level.name for level in finished],
        "sizes": sizes,
        "exponent": exponent,
        "ci95": _interval(log_sizes, np.log(candidate)),
        "expert_exponent": expert_exponent,
        "expert_ci95": _interval(log_sizes, np.log(expert)),
        "relative_exponent": exponent - expert_exponent,
        "relative_ci95": _interval(log_sizes, np.log(candidate) - np.log(expert)),
    }
    left_out = [level.name for level in sized if level not in finished]
    if left_out:  # over the time limit: its time is only a lower bound
        result["left_out"] = left_out
    return result


def _case_draws(case: Any, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Bootstrap draws of one case's (candidate, reference) times from its run pairs."""
    pairs = [(c, r) for c, r in zip(case.candidate_cpu_s, case.reference_cpu_s[1:],
                                     strict=False) if c > 0 and r > 0]  # fmt: skip
    if not pairs:  # a case with one run each: its estimate, without spread
        return (np.full(BOOTSTRAP_ROUNDS, case.candidate_s),
                np.full(BOOTSTRAP_ROUNDS, case.reference_s))  # fmt: skip
    candidate, reference = np.array(pairs).T
    picks = rng.integers(0, len(pairs), size=(BOOTSTRAP_ROUNDS, len(pairs)))
    log_ratios = np.log(candidate / reference)[picks]
    i, j = np.triu_indices(len(pairs))
    hodges_lehmann = np.median((log_ratios[:, i] + log_ratios[:, j]) / 2.0, axis=1)
    reference_median = np.median(reference[picks], axis=1)
    return reference_median * np.exp(hodges_lehmann), reference_median


def _slope(x: np.ndarray, y: Sequence[float] | np.ndarray) -> float:
    """Least-squares slope of y on x (x spans a positive range)."""
    x_centred = x - x.mean()
    return float(np.dot(x_centred, np.asarray(y) - np.mean(y)) / np.dot(x_centred, x_centred))


def _interval(x: np.ndarray, log_times: np.ndarray) -> list[float]:
    """95% percentile interval of the slope over the bootstrap rounds (levels x rounds)."""
    x_centred = x - x.mean()
    slopes = x_centred @ (log_times - log_times.mean(axis=0)) / np.dot(x_centred, x_centred)
    low, high = np.percentile(slopes, [2.5, 97.5])
    return [float(low), float(high)]
