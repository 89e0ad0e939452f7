def matrix_powers(queries: list[tuple[list[list[int]], int, int]]) -> list[list[list[int]]]:
    # Square-and-multiply, O(n^3 log e) per query, on matrices stored as dicts keyed
    # by (row, column), every entry read and written through a helper call.
    def get(matrix, i, j):
        return matrix.get((i, j), 0)

    def put(matrix, i, j, value, m):
        matrix[(i, j)] = value % m

    def multiply(a, b, n, m):
        c = {}
        for i in range(n):
            for j in range(n):
                total = 0
                for t in range(n):
                    total += get(a, i, t) * get(b, t, j)
                put(c, i, j, total, m)
        return c

    out = []
    for matrix, e, m in queries:
        n = len(matrix)
        base = {}
        for i in range(n):
            for j in range(n):
                put(base, i, j, matrix[i][j], m)
        result = {}
        for i in range(n):
            for j in range(n):
                put(result, i, j, 1 if i == j else 0, m)
        while e > 0:
            if e % 2 == 1:
                result = multiply(result, base, n, m)
            e //= 2
            if e > 0:
                base = multiply(base, base, n, m)
        out.append([[get(result, i, j) for j in range(n)] for i in range(n)])
    return out
