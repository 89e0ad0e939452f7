"""Metrics against brute force, closed forms and hand-computed examples."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from codeeff.metrics import (
    ENAMEL,
    beyond_at_k,
    beyond_score,
    bootstrap_ci,
    dps,
    dps_norm,
    eff_at_k,
    fast_p,
    hodges_lehmann,
    hodges_lehmann_ci,
    level_score,
    level_score_with_limit,
    mean_speedup,
    net,
    nmu,
    ntmu,
    pass_at_k,
    ratio_summary,
    sample_score,
    speedup,
)

SMALL_CASES = [(n, k) for n in range(1, 9) for k in range(1, n + 1)]


def brute_force_expected_max(scores: list[float], k: int) -> float:
    subsets = list(itertools.combinations(scores, k))
    return sum(max(subset) for subset in subsets) / len(subsets)


def scores_with_ties(n: int, seed: int) -> list[float]:
    """Random scores drawn from few distinct values, so ties are common."""
    rng = np.random.default_rng(seed)
    return rng.choice([0.0, 0.25, 0.5, 1.0, 1.3], size=n).tolist()


# --- pass@k ----------------------------------------------------------------------------


@pytest.mark.parametrize("n,k", SMALL_CASES)
def test_pass_at_k_matches_brute_force_over_all_subsets(n, k):
    for c in range(n + 1):
        outcomes = [1.0] * c + [0.0] * (n - c)
        assert pass_at_k(n, c, k) == pytest.approx(brute_force_expected_max(outcomes, k))


def test_pass_at_k_is_zero_without_correct_samples():
    assert pass_at_k(10, 0, 3) == 0.0


def test_pass_at_k_is_one_when_all_samples_are_correct():
    assert pass_at_k(10, 10, 3) == 1.0


def test_pass_at_1_is_the_share_correct():
    assert pass_at_k(200, 37, 1) == pytest.approx(37 / 200)


def test_pass_at_k_matches_exact_binomials_at_large_n():
    n, c, k = 2000, 13, 100
    exact = 1 - math.comb(n - c, k) / math.comb(n, k)
    assert pass_at_k(n, c, k) == pytest.approx(exact, rel=1e-12)


@pytest.mark.parametrize(
    "n,c,k,message",
    [(5, 1, 6, "k must be"), (5, 6, 1, "c"), (-1, 0, 1, "non-negative"), (5, -1, 1, "non-negative"),
     (5, 1, -2, "non-negative"), (5, 1, 0, "k must be")],
)  # fmt: skip
def test_pass_at_k_rejects_impossible_arguments(n, c, k, message):
    with pytest.raises(ValueError, match=message):
        pass_at_k(n, c, k)


# --- eff@k -----------------------------------------------------------------------------


@pytest.mark.parametrize("n,k", SMALL_CASES)
def test_eff_at_k_matches_brute_force_over_all_subsets(n, k):
    for seed in range(3):
        scores = scores_with_ties(n, seed)
        assert eff_at_k(scores, k) == pytest.approx(brute_force_expected_max(scores, k))


def test_eff_at_k_matches_brute_force_on_continuous_scores():
    scores = np.random.default_rng(7).uniform(0, 2, size=8).tolist()
    for k in (1, 3, 5, 8):
        assert eff_at_k(scores, k) == pytest.approx(brute_force_expected_max(scores, k))


def test_eff_at_1_is_the_mean():
    scores = [0.2, 0.9, 0.0, 1.4, 0.5]
    assert eff_at_k(scores, 1) == pytest.approx(np.mean(scores))


def test_eff_at_n_is_the_max():
    scores = [0.2, 0.9, 0.0, 1.4, 0.5]
    assert eff_at_k(scores, 5) == 1.4


def test_eff_at_k_ignores_sample_order():
    scores = [0.2, 0.9, 0.0, 1.4, 0.5]
    assert eff_at_k(scores, 3) == pytest.approx(eff_at_k(scores[::-1], 3))


def test_eff_at_k_equals_pass_at_k_on_binary_scores():
    scores = [1.0] * 7 + [0.0] * 43
    for k in (1, 5, 20, 44, 50):
        assert eff_at_k(scores, k) == pytest.approx(pass_at_k(50, 7, k))


def test_eff_at_k_matches_exact_binomial_weights_at_n_2000():
    scores = np.random.default_rng(1).uniform(0, 1.5, size=2000)
    ascending = np.sort(scores)
    n = scores.size
    for k in (1, 7, 100, 1000, 1999, 2000):
        total = math.comb(n, k)
        exact = sum(math.comb(r - 1, k - 1) / total * ascending[r - 1] for r in range(k, n + 1))
        assert eff_at_k(scores, k) == pytest.approx(exact, rel=1e-9)


def test_eff_at_k_is_finite_and_within_range_at_n_2000():
    scores = np.random.default_rng(2).choice([0.0, 0.3, 0.7, 1.0, 1.2], size=2000)
    for k in range(1, 2001, 37):
        value = eff_at_k(scores, k)
        assert math.isfinite(value)
        assert scores.min() <= value <= scores.max()


def test_eff_at_k_is_non_decreasing_in_k_at_n_2000():
    scores = np.random.default_rng(3).uniform(0, 1, size=2000)
    values = np.array([eff_at_k(scores, k) for k in range(1, 2001, 13)] + [eff_at_k(scores, 2000)])
    assert (np.diff(values) >= -1e-12).all()
    assert values[-1] == scores.max()


def test_eff_at_k_scales_past_n_2000():
    scores = np.random.default_rng(4).uniform(0, 1, size=20000)
    assert eff_at_k(scores, 10000) == pytest.approx(scores.max(), abs=1e-3)


@pytest.mark.parametrize(
    "scores,k",
    [([0.5, 0.1], 3), ([0.5, 0.1], 0), ([], 1), ([0.5, math.nan], 1), ([0.5, math.inf], 1)],
)
def test_eff_at_k_rejects_bad_input(scores, k):
    with pytest.raises(ValueError):
        eff_at_k(scores, k)


# --- level and sample scores ---------------------------------------------------------


def test_level_score_is_one_at_the_reference_time():
    assert level_score(0.3, 0.3, alpha=2.0) == 1.0


def test_level_score_is_zero_at_the_limit():
    assert level_score(0.6, 0.3, alpha=2.0) == 0.0


def test_level_score_is_zero_beyond_the_limit():
    assert level_score(5.0, 0.3, alpha=2.0) == 0.0


def test_level_score_is_zero_on_timeout():
    assert level_score(math.inf, 0.3, alpha=2.0) == 0.0


def test_level_score_is_linear_between_reference_and_limit():
    assert level_score(1.5, 1.0, alpha=2.0) == pytest.approx(0.5)


def test_level_score_exceeds_one_when_faster_than_the_expert():
    assert level_score(0.0, 1.0, alpha=2.0) == pytest.approx(2.0)
    assert level_score(0.5, 1.0, alpha=3.0) == pytest.approx(1.25)


def test_level_score_with_limit_uses_the_given_limit():
    assert level_score_with_limit(1.0, 0.5, limit_s=2.0) == pytest.approx(1.0 / 1.5)


@pytest.mark.parametrize(
    "t,t_ref,alpha", [(1.0, 1.0, 1.0), (1.0, 0.0, 2.0), (-1.0, 1.0, 2.0), (math.nan, 1.0, 2.0)]
)
def test_level_score_rejects_bad_input(t, t_ref, alpha):
    with pytest.raises(ValueError):
        level_score(t, t_ref, alpha)


def test_sample_score_is_the_weighted_mean_of_level_scores():
    assert sample_score([5.0, 1.0, 0.5, 0.0], [0, 3, 3, 4], correct=True) == pytest.approx(0.45)


def test_sample_score_is_zero_when_incorrect():
    assert sample_score([1.0, 1.0], [1, 1], correct=False) == 0.0


def test_sample_score_excludes_zero_weight_levels():
    assert sample_score([math.nan, 0.8], [0, 1], correct=True) == pytest.approx(0.8)


def test_sample_score_rejects_all_zero_weights():
    with pytest.raises(ValueError, match="weights"):
        sample_score([1.0, 1.0], [0, 0], correct=True)


# --- speedup -------------------------------------------------------------------------


def test_speedup_is_one_at_reference_speed():
    assert speedup([0.1, 0.2], [0.1, 0.2], [1, 1]) == pytest.approx(1.0)


def test_speedup_is_the_weighted_geometric_mean():
    assert speedup([1.0, 1.0], [0.5, 2.0], [1, 1]) == pytest.approx(1.0)
    assert speedup([1.0, 1.0], [0.5, 2.0], [3, 1]) == pytest.approx(math.sqrt(2.0))


def test_speedup_is_zero_on_timeout():
    assert speedup([1.0, 1.0], [0.5, math.inf], [1, 1]) == 0.0


def test_speedup_excludes_zero_weight_levels():
    assert speedup([1.0, 1.0], [math.inf, 0.25], [0, 1]) == pytest.approx(4.0)


def test_mean_speedup_counts_failures_as_zero_in_speedup_all():
    summary = mean_speedup([2.0, 8.0, 5.0], [True, True, False])
    assert summary.speedup_all == pytest.approx(10.0 / 3.0)


def test_mean_speedup_takes_geometric_mean_over_correct_samples():
    summary = mean_speedup([2.0, 8.0, math.nan], [True, True, False])
    assert summary.speedup_correct == pytest.approx(4.0)
    assert (summary.n_samples, summary.n_correct) == (3, 2)


def test_mean_speedup_has_no_correct_mean_without_correct_samples():
    summary = mean_speedup([2.0, 3.0], [False, False])
    assert summary.speedup_correct is None
    assert summary.speedup_all == 0.0


def test_mean_speedup_correct_mean_is_zero_when_a_correct_sample_timed_out():
    assert mean_speedup([2.0, 0.0], [True, True]).speedup_correct == 0.0


# --- EffiBench -----------------------------------------------------------------------


def test_net_is_the_mean_of_per_problem_ratios():
    assert net([2.0, 1.0], [1.0, 4.0]) == pytest.approx(1.125)


def test_ratio_summary_also_gives_the_ratio_of_totals():
    summary = ratio_summary([2.0, 1.0], [1.0, 4.0])
    assert summary.mean_of_ratios == pytest.approx(1.125)
    assert summary.ratio_of_totals == pytest.approx(0.6)


def test_nmu_and_ntmu_are_means_of_ratios():
    assert nmu([30.0, 10.0], [10.0, 10.0]) == pytest.approx(2.0)
    assert ntmu([1.0, 6.0], [2.0, 2.0]) == pytest.approx(1.75)


def test_net_is_infinite_when_a_problem_failed():
    assert net([1.0, math.inf], [1.0, 1.0]) == math.inf


def test_net_rejects_mismatched_lengths():
    with pytest.raises(ValueError, match="lengths"):
        net([1.0, 2.0], [1.0])


# --- Mercury Beyond ------------------------------------------------------------------


def test_beyond_score_interpolates_between_slowest_and_fastest_tier():
    assert beyond_score(2.0, [3.0, 1.0, 5.0, 2.0]) == pytest.approx(0.75)


def test_beyond_score_clamps_to_the_tier_range():
    assert beyond_score(0.5, [1.0, 5.0]) == 1.0
    assert beyond_score(10.0, [1.0, 5.0]) == 0.0


def test_beyond_score_is_zero_on_failure():
    assert beyond_score(None, [1.0, 5.0]) == 0.0
    assert beyond_score(math.inf, [1.0, 5.0]) == 0.0


def test_beyond_score_with_equal_tiers_is_one_if_at_least_as_fast():
    assert beyond_score(2.0, [2.0, 2.0]) == 1.0
    assert beyond_score(2.5, [2.0, 2.0]) == 0.0


def test_beyond_at_k_is_the_mean_of_the_first_k_samples():
    assert beyond_at_k([1.0, 0.5, 0.0, 0.25], 2) == pytest.approx(0.75)
    assert beyond_at_k([1.0, 0.5, 0.0, 0.25], 4) == pytest.approx(0.4375)


def test_beyond_at_k_rejects_k_above_sample_count():
    with pytest.raises(ValueError, match="k must be"):
        beyond_at_k([1.0, 0.5], 3)


# --- EvalPerf DPS --------------------------------------------------------------------

TIER_TIMES = [10.0, 5.0, 2.0]  # slow to fast
TIER_SCORES = [20.0, 70.0, 100.0]  # cumulative


@pytest.mark.parametrize(
    "t,expected", [(6.0, 20.0), (5.0, 70.0), (3.0, 70.0), (2.0, 100.0), (1.0, 100.0), (11.0, 0.0)]
)
def test_dps_scores_the_fastest_tier_matched(t, expected):
    assert dps(t, TIER_TIMES, TIER_SCORES) == expected


def test_dps_is_zero_on_failure():
    assert dps(None, TIER_TIMES, TIER_SCORES) == 0.0
    assert dps(math.inf, TIER_TIMES, TIER_SCORES) == 0.0


@pytest.mark.parametrize("t,expected", [(5.0, 200 / 3), (2.0, 100.0), (9.0, 100 / 3), (11.0, 0.0)])
def test_dps_norm_is_100_j_plus_1_over_m(t, expected):
    assert dps_norm(t, TIER_TIMES) == pytest.approx(expected)


def test_dps_finds_a_match_past_out_of_order_tiers():
    # Noise made the middle tier look slower than the slowest; search starts at the fastest.
    assert dps(4.0, [5.0, 6.0, 2.0], [10.0, 50.0, 100.0]) == 50.0


def test_dps_rejects_scores_that_are_not_cumulative():
    with pytest.raises(ValueError, match="cumulative"):
        dps(1.0, TIER_TIMES, [50.0, 20.0, 100.0])


# --- KernelBench fast_p --------------------------------------------------------------


def test_fast_p_counts_incorrect_tasks_as_not_fast():
    correct = [True, True, False, True]
    speedups = [1.5, 0.9, 3.0, 1.0]
    assert fast_p(correct, speedups, 1.0) == pytest.approx(0.25)


def test_fast_p_requires_strictly_more_than_p():
    assert fast_p([True], [1.0], 1.0) == 0.0


def test_fast_0_is_the_correctness_rate():
    assert fast_p([True, True, False, True], [1.5, 0.9, math.nan, 0.1], 0.0) == pytest.approx(0.75)


# --- Hodges-Lehmann and the ENAMEL preset --------------------------------------------


def test_hodges_lehmann_matches_hand_computed_walsh_median():
    assert hodges_lehmann([1.0, 2.0, 10.0]) == pytest.approx(3.75)


def test_hodges_lehmann_matches_brute_force_walsh_averages():
    values = np.random.default_rng(5).exponential(1.0, size=9).tolist()
    walsh = [(a + b) / 2 for a, b in itertools.combinations_with_replacement(values, 2)]
    assert hodges_lehmann(values) == pytest.approx(float(np.median(walsh)))


def test_hodges_lehmann_resists_one_outlier():
    assert hodges_lehmann([1.0, 1.0, 1.0, 1.0, 1000.0]) == 1.0


def test_hodges_lehmann_ci_is_the_walsh_range_below_six_values_and_narrows_after():
    # Five values cannot give 95% coverage: the interval is every Walsh average's range.
    assert hodges_lehmann_ci([1.0, 2.0, 3.0, 4.0, 5.0]) == (1.0, 5.0)
    # Ten values: ranks 8 and 48 of the 55 sorted Walsh averages (normal approximation).
    values = np.random.default_rng(3).normal(0.0, 1.0, size=10).tolist()
    walsh = sorted((a + b) / 2 for a, b in itertools.combinations_with_replacement(values, 2))
    assert hodges_lehmann_ci(values) == pytest.approx((walsh[7], walsh[47]))
    low, high = hodges_lehmann_ci(values)
    assert low < hodges_lehmann(values) < high


def test_hodges_lehmann_ci_covers_the_centre_about_95_percent_of_the_time():
    rng = np.random.default_rng(11)
    hits = 0
    for _ in range(400):
        low, high = hodges_lehmann_ci(rng.standard_t(3, size=12).tolist())
        hits += low <= 0.0 <= high
    assert 0.92 <= hits / 400 <= 0.995


def test_enamel_preset_reproduces_enamel_defaults():
    assert ENAMEL.alpha == 2.0
    assert ENAMEL.level_weights == (0.0, 3.0, 3.0, 4.0)
    assert ENAMEL.cases_per_level == (8, 4, 4, 4)
    assert ENAMEL.repeats == 6
    assert ENAMEL.time_estimator == "hodges_lehmann"


def test_enamel_time_limit_comes_from_the_slowest_scored_reference_level():
    # Level 0 has weight 0, so its (larger) time does not set the limit.
    assert ENAMEL.time_limit_s([5.0, 0.1, 0.4, 0.2]) == pytest.approx(0.8)


# --- bootstrap -----------------------------------------------------------------------


def test_bootstrap_ci_is_deterministic_for_a_seed():
    values = np.random.default_rng(6).uniform(0, 1, size=50)
    assert bootstrap_ci(values, seed=3) == bootstrap_ci(values, seed=3)


def test_bootstrap_ci_depends_on_the_seed():
    values = np.random.default_rng(6).uniform(0, 1, size=50)
    assert bootstrap_ci(values, seed=3) != bootstrap_ci(values, seed=4)


def test_bootstrap_ci_contains_the_mean():
    values = np.random.default_rng(8).exponential(1.0, size=40)
    low, high = bootstrap_ci(values)
    assert low < values.mean() < high


def test_bootstrap_ci_width_matches_the_normal_approximation():
    values = np.random.default_rng(9).normal(0.0, 1.0, size=400)
    low, high = bootstrap_ci(values, n_resamples=4000)
    expected_half_width = 1.96 * values.std(ddof=1) / math.sqrt(values.size)
    assert (high - low) / 2 == pytest.approx(expected_half_width, rel=0.1)


def test_bootstrap_ci_collapses_for_a_single_value():
    assert bootstrap_ci([0.7]) == (0.7, 0.7)


def test_bootstrap_ci_collapses_for_constant_values():
    low, high = bootstrap_ci([0.3] * 25)
    assert low == high == pytest.approx(0.3)


def test_bootstrap_ci_uses_the_given_statistic():
    values = [0.0, 0.0, 0.0, 0.0, 100.0]
    assert bootstrap_ci(values, statistic=np.median)[0] == 0.0
    assert bootstrap_ci(values, statistic=np.mean)[1] > 0.0
