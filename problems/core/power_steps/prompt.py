def matrix_powers(queries: list[tuple[list[list[int]], int, int]]) -> list[list[list[int]]]:
    """Each query is (matrix, e, m): an n x n matrix of integers given as a list
    of n rows, an exponent e and a modulus m. Its answer is matrix**e (the
    product of e copies of the matrix; the n x n identity matrix when e == 0)
    with every entry reduced modulo m into 0 .. m - 1, as a list of n rows.
    Return the answers in query order.

    Bounds: 0 <= len(queries) <= 130; 1 <= n <= 6; 0 <= e <= 10**18;
    1 <= m <= 10**9 + 7; every entry satisfies abs(entry) <= 10**9.

    >>> matrix_powers([([[1, 1], [1, 0]], 10, 1000), ([[5]], 0, 7)])
    [[[89, 55], [55, 34]], [[1]]]
    >>> matrix_powers([([[2, -1], [0, 3]], 3, 5)])
    [[[3, 1], [0, 2]]]
    """
