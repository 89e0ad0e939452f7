from math import sqrt


def window_spread(values: list[float], k: int) -> list[float]:
    # The same shifted running sums, O(n), updated one value at a time in Python.
    n = len(values)
    if k > n:
        return []
    base = values[0]
    s1 = s2 = 0.0
    for v in values[:k]:
        d = v - base
        s1 += d
        s2 += d * d
    out = []
    for i in range(k, n + 1):
        var = (s2 - s1 * s1 / k) / k
        out.append(sqrt(var) if var > 0.0 else 0.0)
        if i < n:
            new = values[i] - base
            old = values[i - k] - base
            s1 += new - old
            s2 += new * new - old * old
    return out
