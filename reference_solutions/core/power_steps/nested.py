def matrix_powers(queries: list[tuple[list[list[int]], int, int]]) -> list[list[list[int]]]:
    # Square-and-multiply, O(n^3 log e) per query, with a plain triple-loop product
    # that reduces after every multiplication.
    def multiply(a, b, m):
        n = len(a)
        c = [[0] * n for _ in range(n)]
        for i in range(n):
            for j in range(n):
                total = 0
                for t in range(n):
                    total = (total + a[i][t] * b[t][j]) % m
                c[i][j] = total
        return c

    out = []
    for matrix, e, m in queries:
        n = len(matrix)
        base = [[x % m for x in row] for row in matrix]
        result = [[(1 if i == j else 0) % m for j in range(n)] for i in range(n)]
        while e > 0:
            if e % 2 == 1:
                result = multiply(result, base, m)
            e //= 2
            if e > 0:
                base = multiply(base, base, m)
        out.append(result)
    return out
