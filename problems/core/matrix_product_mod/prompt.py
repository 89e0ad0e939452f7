def matrix_product_mod(a: list[list[int]], b: list[list[int]], p: int) -> list[list[int]]:
    """a and b are n x n matrices, each a list of n rows of n ints, with
    entries in 0 .. p - 1, and p is a prime. Return their product modulo p:
    the n x n matrix c, a list of n rows, each a list of n ints, with
    c[i][j] = (a[i][0] * b[0][j] + a[i][1] * b[1][j] + ... + a[i][n-1] * b[n-1][j]) % p.
    For n = 0, a and b are [] and so is the answer.

    The standard library and numpy are available.

    Bounds: 0 <= n <= 210; 2 <= p < 2**31.

    >>> matrix_product_mod([[1, 2], [3, 4]], [[5, 6], [7, 8]], 11)
    [[8, 0], [10, 6]]
    >>> matrix_product_mod([[5]], [[6]], 7)
    [[2]]
    """
