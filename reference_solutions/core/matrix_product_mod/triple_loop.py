def matrix_product_mod(a: list[list[int]], b: list[list[int]], p: int) -> list[list[int]]:
    # The textbook triple loop with indexing, reducing each sum at the end.
    n = len(a)
    c = [[0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            total = 0
            for k in range(n):
                total += a[i][k] * b[k][j]
            c[i][j] = total % p
    return c
