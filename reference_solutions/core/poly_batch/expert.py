import numpy as np

P = 1_000_000_007


def poly_values(coeffs: list[int], points: list[int]) -> list[int]:
    # Horner's rule run for all points at once on int64 arrays. Exact: residues are
    # below P < 2**30, so r * x + c < 2**60 + 2**30 < 2**63 never overflows.
    # The coefficients are cut into s interleaved strands,
    #   p(x) = sum_t x^t * p_t(x^s),  p_t = coeffs[t], coeffs[t + s], ...,
    # evaluated together on an s x q array at y = x^s: s times fewer numpy calls, each
    # on s times more data, which pays while the points are few.
    q = len(points)
    if not q:
        return []
    n = len(coeffs)
    while n and not coeffs[n - 1]:
        n -= 1
    if n == 0:
        return [0] * q
    x = np.array([v % P for v in points], dtype=np.int64)
    s = max(1, min(n, 32, 8192 // q))
    rows = -(-n // s)
    table = np.zeros(rows * s, dtype=np.int64)
    table[:n] = [c % P for c in coeffs[:n]]
    table = table.reshape(rows, s, 1)  # table[j, t] = coeffs[j * s + t]
    y = np.ones(q, dtype=np.int64)
    for _ in range(s):
        y *= x
        y %= P
    r = np.zeros((s, q), dtype=np.int64)
    mul, add, rem = np.multiply, np.add, np.remainder
    for j in range(rows - 1, -1, -1):
        mul(r, y, out=r)
        add(r, table[j], out=r)
        rem(r, P, out=r)
    out = r[s - 1]
    for t in range(s - 2, -1, -1):
        out *= x
        out += r[t]
        out %= P
    return out.tolist()
