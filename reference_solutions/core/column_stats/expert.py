from json import loads


def column_stats(text: str) -> list[tuple[int, int, int]]:
    # One C-level parse of every data field: the rows are joined into a single
    # JSON array of ints (a data field is a valid JSON integer), so no string
    # object is made per field. Column c is then the slice values[c::cols],
    # summarised by the min/max/sum built-ins.
    end = text.find("\n")
    if end < 0:
        return []
    body = text[end + 1 :]
    if body.endswith("\n"):
        body = body[:-1]
    if not body:
        return []
    cols = text.count(",", 0, end) + 1
    values = loads("[" + body.replace("\n", ",") + "]")
    out = []
    for c in range(cols):
        column = values[c::cols]
        out.append((min(column), max(column), sum(column)))
    return out
