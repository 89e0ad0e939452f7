from operator import mul


def matrix_product_mod(a: list[list[int]], b: list[list[int]], p: int) -> list[list[int]]:
    # Pure Python at its best: the columns of b once (zip), each entry one
    # C-level sum over map(mul, row, column) of exact Python ints.
    columns = list(zip(*b, strict=True))
    return [[sum(map(mul, row, column)) % p for column in columns] for row in a]
