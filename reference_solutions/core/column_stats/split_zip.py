def column_stats(text: str) -> list[tuple[int, int, int]]:
    # Split into lines and fields, int() every field, transpose with zip and
    # summarise each column with the built-ins: a list and a str per field.
    rows = [list(map(int, line.split(","))) for line in text.splitlines()[1:]]
    return [(min(column), max(column), sum(column)) for column in zip(*rows, strict=True)]
