P = 1_000_000_007


def poly_values(coeffs: list[int], points: list[int]) -> list[int]:
    # Every term on its own: a modular power per coefficient and point.
    return [sum(c * pow(x, i, P) for i, c in enumerate(coeffs)) % P for x in points]
