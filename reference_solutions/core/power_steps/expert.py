from math import factorial
from operator import mul

# Matrices are flat row-major tuples. For each size the products are written out as
# straight-line code once (exec), so a product costs n^3 multiplications of locals and
# n^2 reductions, with no loop or index overhead.
_MATMUL: dict = {}
_POLYSQ: dict = {}


def _compile(source: str):
    namespace: dict = {}
    exec(source, namespace)
    return namespace["f"]


def _matmul(n: int):
    f = _MATMUL.get(n)
    if f is None:
        a = ", ".join(f"a{i}" for i in range(n * n))
        b = ", ".join(f"b{i}" for i in range(n * n))
        terms = ", ".join(
            "(" + " + ".join(f"a{i * n + t}*b{t * n + j}" for t in range(n)) + ") % m"
            for i in range(n)
            for j in range(n)
        )
        src = f"def f(a, b, m):\n    {a}, = a\n    {b}, = b\n    return ({terms},)\n"
        f = _MATMUL[n] = _compile(src)
    return f


def _polysq(n: int, times_x: bool):
    """r -> r^2 (times x when asked) modulo x^n - sum q_j x^j, over Z/m."""
    key = (n, times_x)
    f = _POLYSQ.get(key)
    if f is None:
        lines = [
            "def f(a, q, m):",
            "    " + ", ".join(f"a{i}" for i in range(n)) + ", = a",
            "    " + ", ".join(f"q{i}" for i in range(n)) + ", = q",
        ]
        low = 1 if times_x else 0
        for k in range(2 * n - 1):
            terms = []
            for i in range(max(0, k - n + 1), k // 2 + 1):
                j = k - i
                terms.append(f"a{i}*a{i}" if i == j else f"2*a{i}*a{j}")
            lines.append(f"    c{k + low} = " + " + ".join(terms))
        if times_x:
            lines.append("    c0 = 0")
        top = 2 * n - 2 + low
        for d in range(top, n - 1, -1):
            lines.append(f"    t = c{d} % m")
            lines += [f"    c{d - n + j} += t*q{j}" for j in range(n)]
        lines.append("    return (" + ", ".join(f"c{i} % m" for i in range(n)) + ",)")
        f = _POLYSQ[key] = _compile("\n".join(lines) + "\n")
    return f


def _charpoly_tail(flat: tuple, n: int, m: int) -> tuple:
    """q with x^n = sum q_j x^j modulo det(xI - A) over Z/m (Faddeev-LeVerrier).

    Its step k divides a trace by k, which the ring Z/m does not allow; the steps run
    modulo m * n! / (k-1)! instead: the trace is right modulo a multiple of k, so the
    exact quotient is right modulo m * n! / k!, and the last one modulo m.
    """
    f = _matmul(n)
    modulus = m * factorial(n)
    c = [0] * (n + 1)
    diagonal = range(0, n * n, n + 1)
    power = flat
    for k in range(1, n + 1):
        if k > 1:
            shifted = list(power)
            for i in diagonal:
                shifted[i] += c[n - k + 1]
            modulus //= k - 1
            power = f(flat, shifted, modulus)
        c[n - k] = -(sum(power[i] for i in diagonal) % modulus // k)
    return tuple(-x % m for x in c[:n])


def _power_by_squaring(flat: tuple, n: int, e: int, m: int) -> tuple:
    f = _matmul(n)
    result = flat
    for bit in bin(e)[3:]:
        result = f(result, result, m)
        if bit == "1":
            result = f(result, flat, m)
    return result


def _power_by_charpoly(flat: tuple, n: int, e: int, m: int) -> tuple:
    # Cayley-Hamilton: A^n = sum q_j A^j, so A^e = r(A) where r = x^e mod charpoly(x);
    # r costs one squaring of a degree < n polynomial per bit (O(n^2), not O(n^3)).
    q = _charpoly_tail(flat, n, m)
    square, square_x = _polysq(n, False), _polysq(n, True)
    r = (0, 1) + (0,) * (n - 2)  # x, for the leading bit of e
    for bit in bin(e)[3:]:
        r = square_x(r, q, m) if bit == "1" else square(r, q, m)
    f = _matmul(n)
    powers = [tuple(int(i == j) for i in range(n) for j in range(n)), flat]
    for _ in range(n - 2):
        powers.append(f(powers[-1], flat, m))
    return tuple(sum(map(mul, r, entry)) % m for entry in zip(*powers, strict=True))


def matrix_powers(queries: list[tuple[list[list[int]], int, int]]) -> list[list[list[int]]]:
    out = []
    for matrix, e, m in queries:
        n = len(matrix)
        rows = [[x % m for x in row] for row in matrix]
        if e == 0:
            flat = tuple(int(i == j) % m for i in range(n) for j in range(n))
        elif n == 1:
            flat = (pow(rows[0][0], e, m),)
        else:
            flat = tuple(x for row in rows for x in row)
            if n >= 3 and e.bit_length() > 3 * n:
                flat = _power_by_charpoly(flat, n, e, m)
            else:
                flat = _power_by_squaring(flat, n, e, m)
        out.append([list(flat[i : i + n]) for i in range(0, n * n, n)])
    return out
