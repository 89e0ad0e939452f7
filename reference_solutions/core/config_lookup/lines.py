def lookup_settings(text: str, queries: list[tuple[str, str]]) -> list[str | None]:
    # One pass over the lines into a dict of dicts, then one look-up per query.
    sections: dict[str, dict[str, str]] = {"": {}}
    current = sections[""]
    for raw in text.split("\n"):
        line = raw.strip()
        if not line or line[0] in ";#":
            continue
        if line[0] == "[" and line[-1] == "]":
            current = sections.setdefault(line[1:-1].strip(), {})
            continue
        key, _, value = line.partition("=")
        current[key.strip().lower()] = value.strip()
    out = []
    for section, key in queries:
        table = sections.get(section)
        out.append(None if table is None else table.get(key.lower()))
    return out
