"""Every formula of DESIGN section 7, as pure functions over numbers and arrays.

Each function names the benchmark whose definition it reproduces (ENAMEL, EffiBench,
Mercury, EvalPerf, KernelBench) so that a figure can be traced to its source; where a
definition left a case open, the docstring says which choice is made and why.

Conventions shared by all functions:
- a time is in seconds (any unit works as long as candidate and reference agree);
- a failure or timeout is passed as ``math.inf`` (or ``None`` where the signature says so)
  and scores 0: failures are counted, never dropped from an average;
- bad input (NaN, negative times, mismatched lengths, k out of range) raises ValueError
  naming the value, because a silently wrong metric is worse than a crash.

No I/O and no imports from other codeeff modules: the data flows into this module, never
out of it.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np


def _as_array(values: Sequence[float], name: str) -> np.ndarray:
    """A non-empty 1-D float array without NaN (inf is allowed: it stands for a timeout)."""
    array = np.asarray(values, dtype=float)
    if array.ndim != 1 or array.size == 0:
        raise ValueError(f"{name} must be a non-empty 1-D sequence, got shape {array.shape}")
    if np.isnan(array).any():
        raise ValueError(f"{name} must not contain NaN")
    return array


def _check_same_length(**arrays: np.ndarray) -> None:
    lengths = {name: len(array) for name, array in arrays.items()}
    if len(set(lengths.values())) != 1:
        raise ValueError(f"lengths differ: {lengths}")


def _check_k(k: int, n: int) -> None:
    if not 1 <= k <= n:
        raise ValueError(f"k must be in [1, n={n}], got k={k}")


# --- pass@k and eff@k (HumanEval / ENAMEL) ---------------------------------------------


def pass_at_k(n: int, c: int, k: int) -> float:
    """Unbiased pass@k from n samples of which c are correct: 1 - C(n-c, k) / C(n, k).

    Source: the HumanEval paper (Chen et al. 2021), also used by ENAMEL. Computed as
    1 - prod_{i=n-c+1..n} (1 - k/i), a product of factors in [0, 1], because the
    binomials overflow a float long before n reaches the sample counts used in practice.
    """
    if n < 0 or c < 0 or k < 0:
        raise ValueError(f"n, c and k must be non-negative, got n={n}, c={c}, k={k}")
    if c > n:
        raise ValueError(f"c (correct samples) must be <= n (samples), got c={c}, n={n}")
    _check_k(k, n)
    if n - c < k:  # every k-subset contains a correct sample
        return 1.0
    return float(1.0 - np.prod(1.0 - k / np.arange(n - c + 1, n + 1)))


def eff_at_k(scores: Sequence[float], k: int) -> float:
    """Unbiased estimator of E[max of k sample scores drawn without replacement].

    Source: ENAMEL (Qiu et al. 2024), the Rao-Blackwellised estimator
    sum_{r=k..n} C(r-1, k-1) / C(n, k) * e_(r) with e sorted ascending: e_(r) is the
    maximum of exactly C(r-1, k-1) of the C(n, k) equally likely k-subsets.

    The weights are built without binomials, from the top rank down:
    w_n = k/n and w_{r-1} = w_r * (r-k)/(r-1). Every factor lies in [0, 1], so the
    product never overflows and a tiny weight underflows harmlessly to 0; this stays
    exact to rounding at n in the thousands. With binary scores it equals pass@k.
    """
    e = _as_array(scores, "scores")
    if not np.isfinite(e).all():
        raise ValueError("scores must be finite (a failed sample scores 0, not inf)")
    n = e.size
    _check_k(k, n)
    ranks = np.arange(n, k, -1)  # r = n, n-1, ..., k+1
    weights_top_down = (k / n) * np.concatenate(([1.0], np.cumprod((ranks - k) / (ranks - 1))))
    top_scores = np.sort(e)[::-1][: n - k + 1]  # e_(n), ..., e_(k)
    value = float(weights_top_down @ top_scores)
    # The weights sum to 1 exactly in real arithmetic; rounding must not push the
    # estimate of a maximum outside the range of the scores it is a maximum of.
    return min(max(value, float(e.min())), float(e.max()))


# --- per-level and per-sample efficiency scores (ENAMEL) -------------------------------


def level_score_with_limit(t: float, t_ref: float, limit_s: float) -> float:
    """ENAMEL's level score against an explicit time limit T: max(0, T - t) / (T - t_ref).

    Source: ENAMEL. 1 means as fast as the expert, 0 means at or beyond the limit (a
    timeout, t = inf, is right-censored to 0). Not capped at 1: a candidate faster than
    the expert scores above 1 (up to T / (T - t_ref) at t = 0), so beating the reference
    is visible instead of being clipped away.
    """
    if not (math.isfinite(t_ref) and t_ref > 0):
        raise ValueError(f"t_ref must be a positive finite time, got {t_ref!r}")
    if not (math.isfinite(limit_s) and limit_s > t_ref):
        raise ValueError(f"limit_s must be finite and > t_ref={t_ref!r}, got {limit_s!r}")
    if math.isnan(t) or t < 0:
        raise ValueError(f"t must be a non-negative time or inf (timeout), got {t!r}")
    return max(0.0, limit_s - t) / (limit_s - t_ref)


def level_score(t: float, t_ref: float, alpha: float) -> float:
    """ENAMEL's level score f = max(0, T - t) / (T - t_ref) with the limit T = alpha * t_ref.

    Source: ENAMEL (per-level limit, as in DESIGN section 7; the ENAMEL preset uses one
    limit per problem instead, see `EnamelPreset.time_limit_s` and
    `level_score_with_limit`). t = t_ref scores 1, t >= T or t = inf scores 0, and a
    candidate faster than the expert scores above 1 (not capped).
    """
    if not alpha > 1:
        raise ValueError(f"alpha must be > 1 (the limit must exceed the reference), got {alpha!r}")
    return level_score_with_limit(t, t_ref, alpha * t_ref)


def _level_weights(weights: Sequence[float], n_levels: int) -> np.ndarray:
    h = _as_array(weights, "weights")
    if len(h) != n_levels:
        raise ValueError(f"{len(h)} weights for {n_levels} levels")
    if not np.isfinite(h).all() or (h < 0).any() or h.sum() <= 0:
        raise ValueError(f"weights must be finite, >= 0 and not all 0, got {h.tolist()}")
    return h


def sample_score(level_scores: Sequence[float], weights: Sequence[float], correct: bool) -> float:
    """ENAMEL's sample score: sum_l h_l f_l / sum_l h_l if correct, else 0.

    Source: ENAMEL. Levels with weight 0 (correctness-only levels) are left out entirely,
    so their score is never read and may be anything, even inf or NaN.
    """
    if not correct:
        return 0.0
    f = np.asarray(level_scores, dtype=float)
    h = _level_weights(weights, len(f))
    scored = h > 0
    if np.isnan(f[scored]).any() or (f[scored] < 0).any():
        raise ValueError(f"level scores must be >= 0, got {f[scored].tolist()}")
    return float(h[scored] @ f[scored] / h[scored].sum())


# --- speedup -------------------------------------------------------------------------


def speedup(t_refs: Sequence[float], ts: Sequence[float], weights: Sequence[float]) -> float:
    """A sample's speedup: the weighted geometric mean over levels of t_ref / t.

    Geometric because speedups are ratios (2x faster and 2x slower average to 1x).
    Levels with weight 0 are left out. A timeout (t = inf) on any scored level makes the
    sample's speedup 0: its time is unknown and at least the limit, so no finite
    speedup can be claimed for it.
    """
    refs = _as_array(t_refs, "t_refs")
    times = _as_array(ts, "ts")
    _check_same_length(t_refs=refs, ts=times)
    h = _level_weights(weights, len(refs))
    scored = h > 0
    refs, times, h = refs[scored], times[scored], h[scored]
    if not (np.isfinite(refs).all() and (refs > 0).all()):
        raise ValueError(f"t_refs must be positive and finite, got {refs.tolist()}")
    if (times <= 0).any():
        raise ValueError(f"ts must be positive (or inf for a timeout), got {times.tolist()}")
    if np.isinf(times).any():
        return 0.0
    return float(np.exp(h @ np.log(refs / times) / h.sum()))


def weighted_runtime(ts: Sequence[float], weights: Sequence[float]) -> float:
    """A sample's runtime over the scored levels: sum_l h_l t_l (a timeout counted at its
    limit by the caller). The one time a sample is ranked by against the tiers (Mercury's
    runtime for Beyond, EvalPerf's for DPS)."""
    times = _as_array(ts, "ts")
    h = _level_weights(weights, len(times))
    if not (np.isfinite(times).all() and (times >= 0).all()):
        raise ValueError(f"ts must be finite and >= 0, got {times.tolist()}")
    return float(h @ times)


@dataclass(frozen=True)
class SpeedupSummary:
    """Speedups of a set of samples, with failures visible rather than dropped.

    speedup_all: arithmetic mean over all samples, a failed sample counted as 0. The
        geometric mean is not used here because a single 0 would make it 0 whatever
        the other samples did.
    speedup_correct: geometric mean over the correct samples only (None if there are
        none). It is conditional on success, so it is always reported beside
        speedup_all and n_correct. A correct sample that timed out on a scored level
        has speedup 0 and pulls this mean to 0, deliberately: it was not faster.
    """

    speedup_all: float
    speedup_correct: float | None
    n_samples: int
    n_correct: int


def mean_speedup(values: Sequence[float], correct: Sequence[bool]) -> SpeedupSummary:
    """Summarise per-sample speedups (see `SpeedupSummary` for the two means and why)."""
    ok = np.asarray(correct, dtype=bool)
    raw = np.asarray(values, dtype=float)
    _check_same_length(values=raw, correct=ok)
    if raw.ndim != 1 or raw.size == 0:
        raise ValueError("values must be a non-empty 1-D sequence")
    ok_values = raw[ok]  # the speedup of a failed sample is never read (it may be NaN)
    if np.isnan(ok_values).any() or (ok_values < 0).any() or np.isinf(ok_values).any():
        raise ValueError(f"speedups of correct samples must be finite and >= 0: {ok_values}")
    speedup_all = float(np.where(ok, raw, 0.0).mean())
    speedup_correct = None
    if ok_values.size:
        with np.errstate(divide="ignore"):  # log(0) = -inf gives a geometric mean of 0
            speedup_correct = float(np.exp(np.log(ok_values).mean()))
    return SpeedupSummary(speedup_all, speedup_correct, int(raw.size), int(ok.sum()))


# --- EffiBench: NET, NMU, NTMU -------------------------------------------------------


@dataclass(frozen=True)
class RatioSummary:
    """A candidate/reference ratio over problems, two ways.

    mean_of_ratios: (1/N) sum_i x_i / x*_i, EffiBench's definition (each problem weighs
        the same).
    ratio_of_totals: sum_i x_i / sum_i x*_i, shown beside it because it is dominated by
        the largest problems and so tells whether a bad mean comes from small ones.
    """

    mean_of_ratios: float
    ratio_of_totals: float


def ratio_summary(values: Sequence[float], refs: Sequence[float]) -> RatioSummary:
    """Candidate/reference ratios over problems: mean of ratios and ratio of totals.

    Source: EffiBench (Huang et al. 2024). Lower is better (1 = as the reference).
    EffiBench reports these over the problems a model solved; choosing that set is the
    caller's job. A failure passed as inf makes both figures inf rather than silently
    better.
    """
    x = _as_array(values, "values")
    x_ref = _as_array(refs, "refs")
    _check_same_length(values=x, refs=x_ref)
    if (x < 0).any():
        raise ValueError(f"values must be >= 0, got {x.tolist()}")
    if not (np.isfinite(x_ref).all() and (x_ref > 0).all()):
        raise ValueError(f"refs must be positive and finite, got {x_ref.tolist()}")
    return RatioSummary(float((x / x_ref).mean()), float(x.sum() / x_ref.sum()))


def net(ts: Sequence[float], t_refs: Sequence[float]) -> float:
    """EffiBench NET (normalised execution time): mean over problems of t / t_ref."""
    return ratio_summary(ts, t_refs).mean_of_ratios


def nmu(mems: Sequence[float], mem_refs: Sequence[float]) -> float:
    """EffiBench NMU (normalised max memory usage): mean over problems of peak / peak_ref."""
    return ratio_summary(mems, mem_refs).mean_of_ratios


def ntmu(memory_time_integrals: Sequence[float], ref_integrals: Sequence[float]) -> float:
    """EffiBench NTMU (normalised total memory usage): mean over problems of the ratio of
    memory-time integrals (memory held, integrated over the run, e.g. MB*s)."""
    return ratio_summary(memory_time_integrals, ref_integrals).mean_of_ratios


# --- Mercury: Beyond -----------------------------------------------------------------


def beyond_score(r: float | None, tier_runtimes: Sequence[float]) -> float:
    """Mercury's per-problem Beyond: (R_max - clamp(r, R_min, R_max)) / (R_max - R_min).

    Source: Mercury (Du et al. 2024), with R_min and R_max taken over the tier
    runtimes measured in the same run. 1 = at least as fast as the fastest tier,
    0 = as slow as the slowest or slower. A failure (r None or inf) scores 0.
    When all tiers take the same time (R_max == R_min) the formula is 0/0; the sample
    then scores 1 if it is at least as fast as that time, else 0.
    """
    tiers = _as_array(tier_runtimes, "tier_runtimes")
    if not (np.isfinite(tiers).all() and (tiers > 0).all()):
        raise ValueError(f"tier_runtimes must be positive and finite, got {tiers.tolist()}")
    if r is None or r == math.inf:
        return 0.0
    if math.isnan(r) or r < 0:
        raise ValueError(f"r must be a non-negative runtime, None or inf, got {r!r}")
    r_min, r_max = float(tiers.min()), float(tiers.max())
    if r_max == r_min:
        return 1.0 if r <= r_min else 0.0
    return (r_max - min(max(r, r_min), r_max)) / (r_max - r_min)


def beyond_at_k(per_sample_scores: Sequence[float], k: int) -> float:
    """Mercury Beyond@k for one problem: the mean Beyond score of its first k samples."""
    scores = _as_array(per_sample_scores, "per_sample_scores")
    _check_k(k, scores.size)
    return float(scores[:k].mean())


# --- EvalPerf: DPS -------------------------------------------------------------------


def _matching_tier(t: float | None, tier_times_slow_to_fast: Sequence[float]) -> int:
    """Index of the fastest tier the sample is at least as fast as, or -1 if none.

    Searched from the fastest tier down, as EvalPerf does, so that measurement noise
    that makes two neighbouring tiers out of order cannot hide a match.
    """
    tiers = _as_array(tier_times_slow_to_fast, "tier_times_slow_to_fast")
    if not (np.isfinite(tiers).all() and (tiers > 0).all()):
        raise ValueError(f"tier times must be positive and finite, got {tiers.tolist()}")
    if t is None or t == math.inf:
        return -1
    if math.isnan(t) or t < 0:
        raise ValueError(f"t must be a non-negative time, None or inf, got {t!r}")
    for j in range(tiers.size - 1, -1, -1):
        if t <= tiers[j]:
            return j
    return -1


def dps(
    t: float | None,
    tier_times_slow_to_fast: Sequence[float],
    tier_scores: Sequence[float] | None = None,
) -> float:
    """EvalPerf's Differential Performance Score of one sample.

    Source: EvalPerf (Liu et al. 2024). Reference tiers are sorted slow to fast and carry
    cumulative scores (in EvalPerf, the percentage of reference solutions at or below
    that tier's speed); the sample scores the score of the fastest tier it is at least
    as fast as (t <= tier time), 0 if slower than all tiers or failed (None or inf).
    Without tier_scores every tier counts the same, which is `dps_norm`.
    """
    j = _matching_tier(t, tier_times_slow_to_fast)
    m = len(tier_times_slow_to_fast)
    if tier_scores is None:
        return 100.0 * (j + 1) / m
    scores = _as_array(tier_scores, "tier_scores")
    if scores.size != m:
        raise ValueError(f"{scores.size} tier scores for {m} tiers")
    if (scores < 0).any() or (np.diff(scores) < 0).any():
        raise ValueError(f"tier scores must be >= 0 and cumulative (non-decreasing): {scores}")
    return float(scores[j]) if j >= 0 else 0.0


def dps_norm(t: float | None, tier_times_slow_to_fast: Sequence[float]) -> float:
    """EvalPerf's DPS_norm: 100 (j+1) / m for the fastest matched tier j of m, 0 if none.

    Source: EvalPerf. Unlike DPS it ignores how many reference solutions each tier holds.
    """
    return dps(t, tier_times_slow_to_fast, None)


# --- KernelBench: fast_p -------------------------------------------------------------


def fast_p(correct: Sequence[bool], speedups: Sequence[float], p: float) -> float:
    """KernelBench fast_p: the share of ALL tasks that are correct and have speedup > p.

    Source: KernelBench (Ouyang et al. 2025). The denominator is every task, so an
    incorrect task counts as not fast whatever its speedup (which is never read and may
    be NaN). fast_0 is the correctness rate.
    """
    ok = np.asarray(correct, dtype=bool)
    s = np.asarray(speedups, dtype=float)
    _check_same_length(correct=ok, speedups=s)
    if ok.ndim != 1 or ok.size == 0:
        raise ValueError("correct must be a non-empty 1-D sequence")
    if np.isnan(s[ok]).any():
        raise ValueError("the speedup of a correct task must not be NaN")
    return float((ok & (np.where(ok, s, -np.inf) > p)).mean())


# --- robust estimation and confidence intervals --------------------------------------


def hodges_lehmann(values: Sequence[float]) -> float:
    """Hodges-Lehmann location estimate: median of the Walsh averages (x_i + x_j)/2, i <= j.

    Source: ENAMEL's estimator of a run's time over repeats. Robust to a few slow
    outliers (a preempted run) like the median, but uses more of the data.
    """
    x = _as_array(values, "values")
    i, j = np.triu_indices(x.size)
    return float(np.median((x[i] + x[j]) / 2.0))


def hodges_lehmann_ci(values: Sequence[float], confidence: float = 0.95) -> tuple[float, float]:
    """Confidence interval of the Hodges-Lehmann estimate: order statistics of the sorted
    Walsh averages at the signed-rank statistic's critical values (normal approximation).

    Source: the standard distribution-free interval for a symmetric location (Hollander
    and Wolfe). Tighter than the order-statistics interval of the median at the same
    coverage, so a measurement can stop after fewer repeats. With too few values for
    the coverage (fewer than 6 at 95%) it is the whole range of the Walsh averages.
    """
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be in (0, 1), got {confidence}")
    x = _as_array(values, "values")
    i, j = np.triu_indices(x.size)
    walsh = np.sort((x[i] + x[j]) / 2.0)
    n, m = x.size, walsh.size
    z = statistics.NormalDist().inv_cdf(0.5 + confidence / 2)
    spread = math.sqrt(n * (n + 1) * (2 * n + 1) / 24)
    k = max(1, math.floor(m / 2 - z * spread))  # 1-based rank of the lower bound
    return float(walsh[k - 1]), float(walsh[m - k])


def bootstrap_ci(
    values: Sequence[float],
    statistic: Callable[[np.ndarray], float] = np.mean,
    n_resamples: int = 2000,
    confidence: float = 0.95,
    seed: int = 0,
) -> tuple[float, float]:
    """Percentile bootstrap confidence interval of `statistic` over problems.

    Resamples the per-problem values with replacement (problems are the unit of
    sampling, so every aggregate's uncertainty is over which problems were drawn).
    Deterministic for a seed, so a report can be reproduced. One value or constant
    values give an interval of zero width at the statistic.
    """
    x = _as_array(values, "values")
    if n_resamples < 1:
        raise ValueError(f"n_resamples must be >= 1, got {n_resamples}")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be in (0, 1), got {confidence}")
    rng = np.random.default_rng(seed)
    indices = rng.integers(0, x.size, size=(n_resamples, x.size))
    stats = np.array([statistic(x[row]) for row in indices], dtype=float)
    tail = (1.0 - confidence) / 2.0
    low, high = np.quantile(stats, [tail, 1.0 - tail])
    return float(low), float(high)


# --- presets -------------------------------------------------------------------------


@dataclass(frozen=True)
class EnamelPreset:
    """The settings that reproduce ENAMEL's eff@k (q-rz/enamel defaults).

    Where ENAMEL differs from DESIGN's per-level limit: the time limit is one per
    problem, alpha times the slowest reference time over the scored levels (each
    level's reference time being the slowest of its cases), and each level's score
    uses that one limit (`level_score_with_limit`). A level's candidate time is the
    slowest of its cases, each case timed by the Hodges-Lehmann estimate over its
    repeats; the weight-0 level is run once, as it only checks correctness.
    kill_tolerance_s is added to the limit when killing a run, never to the score's T.
    """

    alpha: float = 2.0
    level_weights: tuple[float, ...] = (0.0, 3.0, 3.0, 4.0)
    cases_per_level: tuple[int, ...] = (8, 4, 4, 4)
    repeats: int = 6
    time_estimator: str = "hodges_lehmann"
    kill_tolerance_s: float = 0.01

    def time_limit_s(self, reference_level_times: Sequence[float]) -> float:
        """alpha x the slowest reference time among the levels with non-zero weight."""
        refs = _as_array(reference_level_times, "reference_level_times")
        h = _level_weights(self.level_weights, len(refs))
        scored = refs[h > 0]
        if not (np.isfinite(scored).all() and (scored > 0).all()):
            raise ValueError(f"reference times must be positive and finite: {scored.tolist()}")
        return self.alpha * float(scored.max())


ENAMEL = EnamelPreset()
