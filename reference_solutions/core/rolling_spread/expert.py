import numpy as np


def window_spread(values: list[float], k: int) -> list[float]:
    # Window sums of x and x*x from two prefix sums, O(n) with numpy. The values are
    # shifted by the first one first: the sums then grow with the spread of the data,
    # not with its offset, so var = E[d^2] - E[d]^2 cancels far fewer digits (and a
    # constant input gives exact zeros).
    n = len(values)
    if k > n:
        return []
    d = np.array(values, dtype=np.float64)
    d -= d[0]
    sums = np.zeros((2, n + 1))
    np.cumsum(d, out=sums[0, 1:])
    np.square(d, out=d)
    np.cumsum(d, out=sums[1, 1:])
    window = sums[:, k:] - sums[:, :-k]
    s1, s2 = window
    var = s2 - s1 * s1 / k
    np.maximum(var, 0.0, out=var)
    var /= k
    return np.sqrt(var, out=var).tolist()
