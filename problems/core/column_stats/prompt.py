def column_stats(text: str) -> list[tuple[int, int, int]]:
    """text is a table of integers in comma-separated form. Lines are
    separated by "\\n"; the text may or may not end with one "\\n" (there is
    no other empty line). The first line is a header of column names (each 1
    to 12 ASCII lowercase letters, digits or underscores); every following
    line is a data row. Every line has the same number of comma-separated
    fields, at least one. A data field is an integer in plain decimal: an
    optional "-", then digits without leading zeros ("0" for zero, never
    "-0"), no spaces and no "+".

    Return a list with one tuple per column, in column order: (the smallest
    value, the largest value, the sum of the values) of that column over all
    data rows. When there is no data row, return [].

    Bounds: 1 <= columns <= 12; 0 <= data rows <= 13_000;
    -10**9 <= value <= 10**9.

    >>> column_stats("id,score\\n3,-10\\n1,25\\n2,7\\n")
    [(1, 3, 6), (-10, 25, 22)]
    >>> column_stats("a,b,c")
    []
    """
