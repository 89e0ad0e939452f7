def window_spread(values: list[float], k: int) -> list[float]:
    """For every run of k consecutive entries values[i : i + k] (i from 0 to
    len(values) - k), compute the population standard deviation of those k
    numbers: the square root of the mean of (v - mean)**2 over the window.
    Return these len(values) - k + 1 numbers in order, as floats; return an
    empty list when k > len(values).

    Floating-point rounding is tolerated: an answer a for a window whose
    exact standard deviation is s is accepted when abs(a - s) <= 1e-6 * max(1, s),
    or when abs(a * a - s * s) <= 1e-11 * max(1, max(abs(v) for v in values))**2.

    The standard library and numpy are available.

    Bounds: 0 <= len(values) <= 32_000; 1 <= k <= 32_000;
    every value is a float with abs(value) <= 10**6.

    >>> window_spread([2.0, 4.0, 4.0, 4.0, 5.0], 2)
    [1.0, 0.0, 0.0, 0.5]
    >>> window_spread([1.5], 3)
    []
    """
