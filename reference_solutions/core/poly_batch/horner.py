P = 1_000_000_007


def poly_values(coeffs: list[int], points: list[int]) -> list[int]:
    # Horner's rule in pure Python, O(n) multiplications and reductions per point.
    reversed_coeffs = [c % P for c in reversed(coeffs)]
    out = []
    for x in points:
        x %= P
        r = 0
        for c in reversed_coeffs:
            r = (r * x + c) % P
        out.append(r)
    return out
