def poly_values(coeffs: list[int], points: list[int]) -> list[int]:
    """coeffs describes the polynomial p(x) = coeffs[0] + coeffs[1] * x +
    coeffs[2] * x**2 + ... (coeffs[i] multiplies x**i; an empty list is the
    zero polynomial). Return [p(x) % 1_000_000_007 for x in points]: every
    value reduced into 0 .. 1_000_000_006, in the order of the points.

    The standard library and numpy are available.

    Bounds: 0 <= len(coeffs) <= 6_001; 0 <= len(points) <= 1_000;
    abs(coeffs[i]) <= 10**9; abs(x) <= 10**18 for every point x.

    >>> poly_values([1, 2, 3], [0, 1, 2, -1])
    [1, 6, 17, 2]
    >>> poly_values([5, 0, -1], [10**9 + 7, 3])
    [5, 1000000003]
    """
