from itertools import chain

import numpy as np


def _reduce(x: np.ndarray, p: int) -> np.ndarray:
    # x holds exact integers, |x| < 2**52: x mod p in place, in [0, p). The
    # quotient estimate is off by at most one, q * p and x - q * p are exact.
    q = np.floor(x * (1.0 / p))
    x -= q * p
    x[x < 0] += p
    x[x >= p] -= p
    return x


def _matrix(rows: list[list[int]], n: int, p: int) -> np.ndarray:
    m = np.fromiter(chain.from_iterable(rows), dtype=np.int64, count=n * n).reshape(n, n)
    m = m.astype(np.float64)
    m[m > p // 2] -= p  # balanced range: |entry| <= (p - 1) / 2 < 2**30
    return m


def matrix_product_mod(a: list[list[int]], b: list[list[int]], p: int) -> list[list[int]]:
    # BLAS products in float64, kept exact. Entries are moved to the balanced
    # range |x| < 2**30; each entry of a is split as hi * 2**15 + lo with
    # |hi| <= 2**15 and |lo| <= 2**14, so every term hi * b or lo * b is below
    # 2**45 and a sum of at most 127 of them below 2**52, where doubles are
    # exact integers. The inner dimension is cut into slices of at most 127;
    # per slice one matmul of [hi; lo] (stacked rows) by b gives both
    # half-products, reduced modulo p (a floor-quotient step, not the slow
    # element-wise fmod) and added up: two real n^3 products in all, not the
    # four of splitting both matrices.
    n = len(a)
    if n == 0:
        return []
    left = _matrix(a, n, p)
    right = _matrix(b, n, p)
    high = np.round(left * (1.0 / 32768.0))
    stacked = np.concatenate((high, left - high * 32768.0), axis=0)
    slices = -(-n // 127)
    width = -(-n // slices)
    total = None
    for start in range(0, n, width):
        part = _reduce(stacked[:, start : start + width] @ right[start : start + width], p)
        total = part if total is None else total + part
    out = total[:n] * 32768.0  # < slices * p * 2**15 < 2**49
    out += total[n:]
    return _reduce(out, p).astype(np.int64).tolist()
